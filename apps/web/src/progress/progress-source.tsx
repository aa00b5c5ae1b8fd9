"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { useLearnerProgress } from "./use-progress";

const LINK_CLASS = "font-medium text-accent underline underline-offset-4";

/** Says where the progress on the page is kept, and how to keep it across devices. */
export function ProgressSource() {
  const t = useTranslations("ProgressSource");
  const { source, known } = useLearnerProgress();
  if (source === "account") {
    return t.rich("account", {
      link: (chunks: ReactNode) => (
        <Link href="/dashboard" className={LINK_CLASS}>
          {chunks}
        </Link>
      ),
    });
  }
  return (
    <>
      {t("browser")}
      {known ? (
        <>
          {" "}
          {t.rich("signIn", {
            link: (chunks: ReactNode) => (
              <Link href="/sign-in" className={LINK_CLASS}>
                {chunks}
              </Link>
            ),
          })}
        </>
      ) : null}
    </>
  );
}
