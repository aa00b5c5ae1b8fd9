"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { progressSync, useLearnerProgress } from "@/progress/use-progress";

/** How often the position is written while the learner scrolls. */
const SAVE_EVERY_MS = 1000;

/** The last heading whose top is above the upper part of the screen. */
function currentAnchor(anchors: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const id of anchors) {
    const element = document.getElementById(id);
    if (!element) continue;
    if (element.getBoundingClientRect().top <= window.innerHeight * 0.3) found = id;
    else break;
  }
  return found;
}

/**
 * Keeps the learner's place in a lesson (the section they are reading) and, when they come back
 * to the top of the lesson, offers to take them there.
 */
export function ReadingPosition({ lesson, anchors }: { lesson: string; anchors: string[] }) {
  const t = useTranslations("ReadingPosition");
  const { view, known } = useLearnerProgress();
  const saved = known ? view.lessons[lesson]?.position?.anchor : undefined;
  const [offer, setOffer] = useState<{ id: string; text: string } | null>(null);
  const decided = useRef(false);

  // Decide once, on arrival (after the browser has applied any #anchor scroll, and once the
  // server has said whose progress this is), whether to offer the way back.
  useEffect(() => {
    if (decided.current || saved === undefined) return;
    decided.current = true;
    const frame = requestAnimationFrame(() => {
      if (window.location.hash || window.scrollY > 200 || saved === anchors[0]) return;
      const heading = document.getElementById(saved);
      if (heading) setOffer({ id: saved, text: heading.textContent.trim() || saved });
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [saved, anchors]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      timer = undefined;
      const anchor = currentAnchor(anchors);
      if (anchor === undefined) return;
      if (progressSync().current().view.lessons[lesson]?.position?.anchor === anchor) return;
      progressSync().lessonChanged(lesson, { position: { anchor, at: new Date().toISOString() } });
    };
    const onScroll = () => {
      timer ??= setTimeout(save, SAVE_EVERY_MS);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [lesson, anchors]);

  if (!offer) return null;
  return (
    <div
      role="region"
      aria-label={t("label")}
      className="mt-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-accent p-3"
    >
      <p>
        {t.rich("youWereReading", {
          section: offer.text,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <div className="flex gap-2">
        <a
          href={`#${offer.id}`}
          onClick={() => {
            setOffer(null);
          }}
          className="rounded-md bg-accent px-3 py-1.5 font-semibold text-accent-ink"
        >
          {t("continue")}
        </a>
        <button
          type="button"
          onClick={() => {
            setOffer(null);
          }}
          className="rounded-md border border-line px-3 py-1.5"
        >
          {t("fromTop")}
        </button>
      </div>
    </div>
  );
}
