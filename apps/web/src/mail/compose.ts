import type { Locale } from "@neuronlab/config/locales";
import type { Mail } from "@/auth/mail";

/**
 * Every mail the platform sends, as one plain-text part and one HTML part made from the same
 * blocks, so the two never say different things. Values inside a sentence (a name, a class) are
 * marked with `mark` and shown in bold in the HTML; everything is escaped there.
 */

/** Wraps a value inside a translated sentence; returns what to put in its place. */
export type Mark = (value: string) => string;

export type MailBlock =
  /** A paragraph: the sentence, with its values passed through `mark`. */
  | { text: (mark: Mark) => string; small?: boolean }
  /** A list of lines (bullets in HTML). */
  | { list: ((mark: Mark) => string)[] }
  /** A button to `url`; the text part shows the address on its own line. */
  | { button: string; url: string; copy?: (url: string) => string };

export interface MailContent {
  to: string;
  locale: Locale;
  subject: string;
  blocks: MailBlock[];
  /** Headers such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

const BUTTON_STYLE =
  "display: inline-block; padding: 10px 16px; border-radius: 6px; background: #1d4ed8; color: #ffffff; text-decoration: none; font-weight: 600";

export function composeMail({ to, locale, subject, blocks, headers }: MailContent): Mail {
  const plain: Mark = (value) => value;
  const text = blocks
    .map((block) => {
      if ("button" in block) return block.url;
      if ("list" in block) return block.list.map((line) => `- ${line(plain)}`).join("\n");
      return block.text(plain);
    })
    .join("\n\n");
  const body = blocks
    .map((block) => {
      if ("button" in block) {
        const link = escapeHtml(block.url);
        const button = `<p><a href="${link}" style="${BUTTON_STYLE}">${escapeHtml(block.button)}</a></p>`;
        return block.copy
          ? `${button}\n<p style="font-size: 14px">${escapeHtml(block.copy("\uE000")).replace("\uE000", link)}</p>`
          : button;
      }
      if ("list" in block) {
        return `<ul>\n${block.list.map((line) => `<li>${richHtml(line)}</li>`).join("\n")}\n</ul>`;
      }
      return block.small
        ? `<p style="font-size: 14px">${richHtml(block.text)}</p>`
        : `<p>${richHtml(block.text)}</p>`;
    })
    .join("\n");
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}"><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
${body}
</body></html>`;
  return { to, subject, text, html, ...(headers ? { headers } : {}) };
}

/** A sentence in HTML: escaped, with each marked value in bold. */
function richHtml(sentence: (mark: Mark) => string): string {
  const values: string[] = [];
  const marked = sentence((value) => `\uE000${String(values.push(value) - 1)}\uE001`);
  return escapeHtml(marked).replace(
    /\uE000(\d+)\uE001/g,
    (_, index: string) => `<strong>${escapeHtml(values[Number(index)] ?? "")}</strong>`,
  );
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
