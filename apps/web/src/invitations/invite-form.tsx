"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  startTransition,
  useActionState,
  useEffect,
  useId,
  useRef,
  useState,
  type SyntheticEvent,
} from "react";
import { inputClass, labelClass } from "@/teaching/field-classes";
import { ScrollRegion } from "@/teaching/scroll-region";
import { previewInvitationsAction, sendInvitationsAction } from "./actions";
import { inviteIdle, type InviteState, type PreviewRow } from "./invite-state";

/**
 * The invitation form: paste addresses or choose a CSV file (read here, in the browser, into the
 * field, so what is sent is what is shown), check the list (the server reads it and says, row by
 * row, what would happen), then send. Each answer is announced: the preview's heading takes the
 * focus, a refusal is an alert, a success a status.
 */
export function InviteForm({
  cohortId,
  maxAddresses,
  maxBytes,
}: {
  cohortId: string;
  maxAddresses: number;
  maxBytes: number;
}) {
  const t = useTranslations("Invitations");
  const locale = useLocale();
  const [text, setText] = useState("");
  const [fileProblem, setFileProblem] = useState<"fileTooLarge" | "notUtf8" | "unreadable" | null>(
    null,
  );
  const [fileRead, setFileRead] = useState(false);
  const [state, dispatch, pending] = useActionState(
    async (previous: InviteState, form: FormData): Promise<InviteState> => {
      if (form.get("intent") === "send") {
        const sent = await sendInvitationsAction(previous, form);
        if (sent.step === "sent") {
          setText("");
          setFileRead(false);
        }
        return sent;
      }
      return previewInvitationsAction(previous, form);
    },
    inviteIdle,
  );
  const ids = { field: useId(), help: useId(), file: useId(), fileHelp: useId() };
  const answerRef = useRef<HTMLElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const kb = String(maxBytes / 1024);

  // A new preview or result: take the reader there.
  const at = state.step === "idle" ? 0 : state.at;
  useEffect(() => {
    if (at > 0) answerRef.current?.focus();
  }, [at]);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => {
      dispatch(form);
    });
  };

  const readFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setFileProblem(null);
    setFileRead(false);
    if (!file) return;
    if (file.size > maxBytes) {
      setFileProblem("fileTooLarge");
      input.value = "";
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      try {
        // Strict UTF-8 (a byte order mark is dropped): a file saved in another encoding would
        // otherwise turn umlauts into replacement characters without a word.
        const decoded = new TextDecoder("utf-8", { fatal: true }).decode(
          reader.result as ArrayBuffer,
        );
        setText(decoded);
        setFileRead(true);
      } catch {
        setFileProblem("notUtf8");
      }
      input.value = "";
    };
    reader.onerror = () => {
      setFileProblem("unreadable");
      input.value = "";
    };
    reader.readAsArrayBuffer(file);
  };

  return (
    <div>
      <form onSubmit={submit} noValidate className="max-w-xl">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="cohortId" value={cohortId} />
        <input type="hidden" name="intent" value="preview" />
        <label htmlFor={ids.field} className={labelClass}>
          {t("addresses")}
        </label>
        <textarea
          ref={textRef}
          id={ids.field}
          name="addresses"
          rows={6}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
          aria-describedby={ids.help}
          spellCheck={false}
          autoComplete="off"
          className={`${inputClass} font-mono text-sm`}
        />
        <p id={ids.help} className="mt-1 text-sm text-muted">
          {t("addressesHelp", { max: maxAddresses })}
        </p>
        <label htmlFor={ids.file} className={labelClass}>
          {t("file")}
        </label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-describedby={ids.fileHelp}
          onChange={(event) => {
            readFile(event.currentTarget);
          }}
          className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-panel file:px-3 file:py-1.5 file:font-semibold"
        />
        <p id={ids.fileHelp} className="mt-1 text-sm text-muted">
          {t("fileHelp", { kb })}
        </p>
        {fileProblem ? (
          <p role="alert" className="mt-2 text-sm font-medium text-red-800 dark:text-red-300">
            {fileProblem === "fileTooLarge"
              ? t("fileTooLarge", { kb })
              : fileProblem === "notUtf8"
                ? t("notUtf8")
                : t("unreadable")}
          </p>
        ) : fileRead ? (
          <p role="status" className="mt-2 text-sm text-muted">
            {t("fileRead")}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="mt-3 rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink disabled:opacity-60"
        >
          {t("preview")}
        </button>
      </form>

      {state.step === "error" ? (
        <p
          ref={(node) => {
            answerRef.current = node;
          }}
          tabIndex={-1}
          role="alert"
          className="mt-4 text-sm font-medium text-red-800 dark:text-red-300"
        >
          {state.message}
        </p>
      ) : null}

      {state.step === "sent" ? (
        <div
          ref={(node) => {
            answerRef.current = node;
          }}
          tabIndex={-1}
          role="status"
          className="mt-4 rounded-lg border border-line bg-panel p-3 text-sm"
        >
          <p>{t("sent", { count: state.sent })}</p>
          {state.skipped > 0 ? (
            <p className="mt-1">{t("skippedNow", { count: state.skipped })}</p>
          ) : null}
          {state.failed.length > 0 ? (
            <p className="mt-1 font-medium text-red-800 dark:text-red-300">
              {t("failed", { addresses: state.failed.join(", ") })}
            </p>
          ) : null}
        </div>
      ) : null}

      {state.step === "preview" ? (
        <section
          aria-labelledby={`${ids.field}-preview`}
          className="mt-6"
          data-testid="invitation-preview"
        >
          <h3
            id={`${ids.field}-preview`}
            ref={(node) => {
              answerRef.current = node;
            }}
            tabIndex={-1}
            className="text-lg font-semibold"
          >
            {t("previewTitle")}
          </h3>
          <p role="status" className="mt-1 text-sm">
            {t("summary", {
              count: state.invite.length,
              skipped: state.rows.length - state.invite.length,
            })}
          </p>
          <PreviewTable rows={state.rows} />
          <div className="mt-3 flex flex-wrap items-center gap-3">
            {state.invite.length > 0 ? (
              <form onSubmit={submit}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="cohortId" value={cohortId} />
                <input type="hidden" name="intent" value="send" />
                <input type="hidden" name="addresses" value={state.invite.join("\n")} />
                <button
                  type="submit"
                  disabled={pending}
                  className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink disabled:opacity-60"
                >
                  {t("send", { count: state.invite.length })}
                </button>
              </form>
            ) : null}
            <button
              type="button"
              onClick={() => textRef.current?.focus()}
              className="rounded-md border border-line bg-panel px-3 py-1.5 text-sm font-semibold"
            >
              {t("change")}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const t = useTranslations("Invitations");
  const result = (row: PreviewRow) => {
    switch (row.status) {
      case "new":
        return t("status.new");
      case "member":
        return t("status.member");
      case "pending":
        return t("status.pending");
      case "duplicate":
        return t("status.duplicate", { row: row.duplicateOf ?? 0 });
      case "invalid":
        return row.reason === "empty"
          ? t("invalid.empty")
          : row.reason === "too_long"
            ? t("invalid.too_long")
            : t("invalid.format");
    }
  };
  const tone = (row: PreviewRow) =>
    row.status === "invalid"
      ? "text-red-800 dark:text-red-300 font-medium"
      : row.status === "new"
        ? "text-emerald-800 dark:text-emerald-300"
        : "text-muted";
  return (
    <ScrollRegion label={t("previewCaption")}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{t("previewCaption")}</caption>
        <thead className="bg-panel">
          <tr>
            <th scope="col" className="p-2 text-right font-semibold">
              {t("row")}
            </th>
            <th scope="col" className="p-2 text-left font-semibold">
              {t("address")}
            </th>
            <th scope="col" className="p-2 text-left font-semibold">
              {t("result")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row, index) => (
            <tr key={index} data-status={row.status}>
              <td className="p-2 text-right tabular-nums">{row.row}</td>
              <th scope="row" className="p-2 text-left font-normal break-all">
                {row.value}
              </th>
              <td className={`p-2 ${tone(row)}`}>{result(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
