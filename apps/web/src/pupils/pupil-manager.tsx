"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { inputClass, labelClass } from "@/teaching/field-classes";
import { addPupilsAction, replacePupilCardAction } from "./actions";
import { idleCards, type CardsState } from "./cards-state";

export interface PupilRow {
  id: string;
  name: string;
  /** "Card made 3 May 2026", said on the server in the page's language. */
  note: string;
  member: boolean;
}

/**
 * Printing shows the cards alone: every element that neither holds nor is inside the cards area
 * is left out, black on white, A4 pages. Only while cards are shown.
 */
const PRINT_CSS = `
@page { size: A4; margin: 10mm; }
@media print {
  body *:not(:has(#pupil-cards)):not(#pupil-cards):not(#pupil-cards *) { display: none !important; }
  body *:has(#pupil-cards) { margin: 0 !important; padding: 0 !important; border: 0 !important; max-width: none !important; }
  html, body { background: #fff !important; color: #000 !important; }
  .pupil-card { break-inside: avoid; page-break-inside: avoid; }
}
`;

const buttonClass = "rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-60";

/**
 * The teacher's side of pupils without e-mail: the add form, the list with "Replace card", and
 * the cards the last of the two made, ready to print (they exist only in this answer).
 */
export function PupilManager({
  cohortId,
  pupils,
  archived,
  max,
  maxLength,
}: {
  cohortId: string;
  pupils: PupilRow[];
  archived: boolean;
  max: number;
  maxLength: number;
}) {
  const t = useTranslations("Pupils.Panel");
  const locale = useLocale();
  const [added, addAction, adding] = useActionState(addPupilsAction, idleCards);
  const [replaced, replaceAction, replacing] = useActionState(replacePupilCardAction, idleCards);
  const namesId = useId();
  const hintId = useId();
  const addErrorId = useId();
  const replaceErrorId = useId();
  const cardsHeading = useRef<HTMLHeadingElement>(null);

  // The newer answer's cards are the ones to print.
  const latest: CardsState =
    added.status === "done" && (replaced.status !== "done" || added.at >= replaced.at)
      ? added
      : replaced.status === "done"
        ? replaced
        : idleCards;
  const latestAt = latest.status === "done" ? latest.at : 0;
  useEffect(() => {
    // New cards: take the reader there (they must be printed now).
    if (latestAt) cardsHeading.current?.focus();
  }, [latestAt]);

  return (
    <div>
      {archived ? (
        <p className="mt-4">{t("archived")}</p>
      ) : (
        <form
          action={addAction}
          noValidate
          className="mt-4"
          aria-describedby={added.status === "error" ? addErrorId : undefined}
        >
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="cohortId" value={cohortId} />
          <label htmlFor={namesId} className={labelClass}>
            {t("namesLabel")}
          </label>
          <textarea
            // A refused list comes back as it was sent; an added one leaves the box empty.
            key={added.status === "idle" ? 0 : added.at}
            id={namesId}
            name="names"
            rows={6}
            defaultValue={added.status === "error" ? added.names : ""}
            aria-describedby={hintId}
            aria-invalid={added.status === "error" ? true : undefined}
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} max-w-md`}
          />
          <p id={hintId} className="mt-1 text-sm text-muted">
            {t("namesHint", { max, maxLength })}
          </p>
          <button
            type="submit"
            disabled={adding}
            className={`mt-2 bg-accent text-accent-ink ${buttonClass}`}
          >
            {t("add")}
          </button>
          {added.status === "error" ? (
            <p
              id={addErrorId}
              role="alert"
              className="mt-2 text-sm font-medium text-red-800 dark:text-red-300"
            >
              {added.message}
            </p>
          ) : null}
        </form>
      )}

      <h3 className="mt-6 font-semibold">{t("listTitle")}</h3>
      {pupils.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-line rounded-lg border border-line" data-pupil-list>
          {pupils.map((pupil) => (
            <li key={pupil.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2">
              <span className="font-medium">{pupil.name}</span>
              <span className="text-sm text-muted">
                {pupil.note}
                {pupil.member ? null : ` ${t("notMember")}`}
              </span>
              {archived ? null : (
                <form
                  action={replaceAction}
                  className="ms-auto"
                  onSubmit={(event) => {
                    if (!window.confirm(t("replaceConfirm", { name: pupil.name }))) {
                      event.preventDefault();
                    }
                  }}
                >
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="cohortId" value={cohortId} />
                  <input type="hidden" name="pupilId" value={pupil.id} />
                  <button
                    type="submit"
                    disabled={replacing}
                    aria-label={t("replaceLabel", { name: pupil.name })}
                    className={`border border-line bg-panel ${buttonClass}`}
                  >
                    {t("replace")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {replaced.status === "error" ? (
        <p
          id={replaceErrorId}
          role="alert"
          className="mt-2 text-sm font-medium text-red-800 dark:text-red-300"
        >
          {replaced.message}
        </p>
      ) : null}

      {latest.status === "done" ? (
        <section id="pupil-cards" aria-labelledby={`${namesId}-cards`} className="mt-8">
          <style>{PRINT_CSS}</style>
          <h3
            id={`${namesId}-cards`}
            ref={cardsHeading}
            tabIndex={-1}
            className="text-lg font-semibold print:hidden"
          >
            {t("cardsTitle")}
          </h3>
          <p role="status" className="mt-1 text-sm print:hidden">
            {t("cardsReady", { count: latest.count })}
          </p>
          <button
            type="button"
            onClick={() => {
              window.print();
            }}
            className={`mt-2 bg-accent text-accent-ink print:hidden ${buttonClass}`}
          >
            {t("print")}
          </button>
          {latest.cards}
        </section>
      ) : null}
    </div>
  );
}
