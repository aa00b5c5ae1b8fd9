import type { ComponentProps } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditLogEntry, UserListItem } from "@neuronlab/db/admin";
import { Link } from "@/i18n/navigation";
import { ScrollRegion } from "@/teaching/scroll-region";
import { actionKey, certificateOf, changedFields } from "./audit-view";

/** The parts the admin pages share: their links, a pager, a person's name, the audit table. */

type Href = ComponentProps<typeof Link>["href"];
type Person = Pick<UserListItem, "name" | "email">;

const linkClass = "text-accent underline underline-offset-4";
const cellClass = "p-2 align-top";

/** How a person is named on these pages: their name, else their address (a pupil has none). */
export function personLabel(person: Person, noName: string): string {
  return person.name ?? person.email ?? noName;
}

/** The admin pages' own navigation: people and the audit log. */
export async function AdminNav() {
  const t = await getTranslations("Admin");
  return (
    <nav aria-label={t("sections")} className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <Link href="/admin" className={linkClass}>
        {t("people")}
      </Link>
      <Link href="/admin/audit" className={linkClass}>
        {t("auditLog")}
      </Link>
    </nav>
  );
}

/** Previous and next page links, and where one is; nothing when there is one page. */
export async function Pager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => Href;
}) {
  if (pages <= 1 && page <= 1) return null;
  const t = await getTranslations("Admin.Pager");
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pages))} rel="prev" className={linkClass}>
          {t("previous")}
        </Link>
      ) : null}
      <span aria-current="page">{t("position", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={linkClass}>
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * Audit entries as a table, newest first: when, who, what (the action and what it was about),
 * the fields it changed (before → after) and why. Read-only: the log has no edit.
 */
export async function AuditTable({
  entries,
  people,
  caption,
}: {
  entries: AuditLogEntry[];
  people: ReadonlyMap<string, Person>;
  caption: string;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("Admin"),
    getTranslations("Admin.Audit"),
    getFormatter(),
  ]);
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  const personLink = (id: string, fallback: string) => {
    const person = people.get(id);
    return person ? (
      <Link href={`/admin/users/${id}`} className={linkClass}>
        {personLabel(person, t("noName"))}
      </Link>
    ) : (
      <span>
        {fallback} <span className="text-muted">({ta("gone")})</span>
      </span>
    );
  };

  const value = (name: string, v: unknown): string => {
    if (v === null || v === undefined) return ta("none");
    if (name === "role" && (v === "LEARNER" || v === "EDUCATOR" || v === "ADMIN")) {
      return t(`roles.${v}`);
    }
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) {
      return when(new Date(v));
    }
    return typeof v === "string" ? v : JSON.stringify(v);
  };
  const fieldName = (name: string) =>
    name === "role" || name === "revokedAt" || name === "code" || name === "holderId"
      ? ta(`fields.${name}`)
      : name;

  return (
    <ScrollRegion label={caption}>
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">
          {caption}. {t("timesUtc")}
        </caption>
        <thead className="bg-panel">
          <tr>
            <th scope="col" className="p-2 font-semibold">
              {ta("when")}
            </th>
            <th scope="col" className="p-2 font-semibold">
              {ta("who")}
            </th>
            <th scope="col" className="p-2 font-semibold">
              {ta("what")}
            </th>
            <th scope="col" className="p-2 font-semibold">
              {ta("change")}
            </th>
            <th scope="col" className="p-2 font-semibold">
              {ta("reason")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {entries.map((entry) => {
            const key = actionKey(entry.action);
            const certificate =
              entry.subjectType === "Certificate" ? certificateOf(entry) : undefined;
            return (
              <tr key={entry.id} data-action={entry.action}>
                <td className={`${cellClass} whitespace-nowrap text-muted`}>
                  <time dateTime={entry.createdAt.toISOString()}>{when(entry.createdAt)}</time>
                </td>
                <td className={`${cellClass} break-all`}>
                  {personLink(entry.actorId, entry.actorEmail)}
                </td>
                <td className={cellClass}>
                  <span className="font-medium">{key ? ta(`actions.${key}`) : entry.action}</span>
                  <br />
                  {certificate ? (
                    <>
                      {ta("certificateOf", { code: certificate.code })}
                      {certificate.holderId ? (
                        <>
                          {" "}
                          {ta("holder")} {personLink(certificate.holderId, certificate.holderId)}
                        </>
                      ) : null}
                    </>
                  ) : entry.subjectType === "User" ? (
                    <>
                      {ta("person")}: {personLink(entry.subjectId, entry.subjectId)}
                    </>
                  ) : (
                    `${entry.subjectType} ${entry.subjectId}`
                  )}
                </td>
                <td className={cellClass}>
                  <ul>
                    {changedFields(entry.before, entry.after).map((line) => (
                      <li key={line.field}>
                        {fieldName(line.field)}: {value(line.field, line.before)} →{" "}
                        <strong>{value(line.field, line.after)}</strong>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className={`${cellClass} break-words`}>{entry.reason ?? ta("none")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
