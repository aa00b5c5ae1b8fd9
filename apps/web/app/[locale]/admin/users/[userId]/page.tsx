import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { changeRoleAction, revokeCertificateAction } from "@/admin/actions";
import { loadAdminUserPage, REASON_MAX, REASON_MIN } from "@/admin/admin";
import { AdminNav, AuditTable, Pager, personLabel } from "@/admin/parts";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { HttpError } from "@/http/errors";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { ActionForm } from "@/teaching/action-form";
import { inputClass, labelClass, PageFrame, SignInFirst } from "@/teaching/page-parts";
import { ScrollRegion } from "@/teaching/scroll-region";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/admin/users/[userId]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Admin.User" });
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

/** Roles an admin gives here (admins are made by the operators). */
const GIVEN_ROLES = ["LEARNER", "EDUCATOR"] as const;

/** One person for an admin: facts, role, certificates, and what admins changed about them. */
export default async function AdminUserPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/users/[userId]">) {
  const { locale, userId } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Admin.User");
  const db = maybeDb();
  const actor = db ? await getSessionUser() : null;
  const href = `/admin/users/${userId}`;
  if (!db || !actor) return <SignInFirst title={t("metaTitle")} href={href} locale={locale} />;

  let page;
  try {
    page = await loadAdminUserPage(actor, db, userId, await searchParams);
  } catch (error) {
    // Not an admin, no such person, or a page number that is none: nothing to show.
    if (error instanceof HttpError && [400, 403, 404].includes(error.status)) notFound();
    throw error;
  }
  const { user, history, people } = page;
  const [ta, format] = await Promise.all([getTranslations("Admin"), getFormatter()]);
  const name = personLabel(user, ta("noName"));
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const own = user.id === actor.id;
  const valid = user.certificates.filter((c) => c.revokedAt === null);
  const reasonHint = t("reasonHint", { min: REASON_MIN, max: REASON_MAX });

  return (
    <PageFrame title={name} wide>
      <AdminNav />
      <p className="mt-2 text-sm">
        <Link href="/admin" className="text-accent underline underline-offset-4">
          {t("back")}
        </Link>
      </p>

      <section aria-labelledby="facts" className="mt-8">
        <h2 id="facts" className="text-xl font-semibold">
          {t("facts")}
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("role")}</dt>
          <dd data-testid="user-role">{ta(`roles.${user.role}`)}</dd>
          <dt className="font-medium">{t("email")}</dt>
          <dd className="break-all">{user.email ?? ta("pupil")}</dd>
          <dt className="font-medium">{t("created")}</dt>
          <dd>
            <time dateTime={user.createdAt.toISOString()}>{day(user.createdAt)}</time>
          </dd>
          <dt className="font-medium">{t("cohortsTaught")}</dt>
          <dd>{format.number(user.cohortsTaught)}</dd>
          <dt className="font-medium">{t("cohortsJoined")}</dt>
          <dd>{format.number(user.cohortsJoined)}</dd>
        </dl>
      </section>

      <ClientMessages namespaces={["Teaching.Form"]}>
        <section
          aria-labelledby="change-role"
          className="mt-10 rounded-xl border border-line bg-panel p-4"
        >
          <h2 id="change-role" className="text-lg font-semibold">
            {t("changeRole")}
          </h2>
          {own ? (
            <p className="mt-2 text-muted">{t("ownAccount")}</p>
          ) : user.role === "ADMIN" ? (
            <p className="mt-2 text-muted">{t("adminAccount")}</p>
          ) : (
            <>
              <p className="mt-2 text-sm text-muted">{t("changeRoleLead")}</p>
              <ActionForm
                action={changeRoleAction}
                hidden={{ userId: user.id }}
                submit={t("saveRole")}
                className="max-w-md"
              >
                <label htmlFor="new-role" className={labelClass}>
                  {t("newRole")}
                </label>
                <select id="new-role" name="role" defaultValue={user.role} className={inputClass}>
                  {GIVEN_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ta(`roles.${role}`)}
                    </option>
                  ))}
                </select>
                <label htmlFor="role-reason" className={labelClass}>
                  {t("reason")}
                </label>
                <textarea
                  id="role-reason"
                  name="reason"
                  required
                  minLength={REASON_MIN}
                  maxLength={REASON_MAX}
                  rows={2}
                  aria-describedby="role-reason-hint"
                  className={inputClass}
                />
                <p id="role-reason-hint" className="mt-1 text-xs text-muted">
                  {reasonHint}
                </p>
              </ActionForm>
            </>
          )}
        </section>

        <section aria-labelledby="certificates" className="mt-10">
          <h2 id="certificates" className="text-xl font-semibold">
            {t("certificates")}
          </h2>
          {user.certificates.length === 0 ? (
            <p className="mt-3 text-muted">{t("noCertificates")}</p>
          ) : (
            <ScrollRegion label={t("certificatesCaption", { name })}>
              <table className="w-full min-w-[32rem] text-left text-sm">
                <caption className="sr-only">{t("certificatesCaption", { name })}</caption>
                <thead className="bg-panel">
                  <tr>
                    <th scope="col" className="p-2 font-semibold">
                      {t("code")}
                    </th>
                    <th scope="col" className="p-2 font-semibold">
                      {t("printedName")}
                    </th>
                    <th scope="col" className="p-2 font-semibold">
                      {t("issued")}
                    </th>
                    <th scope="col" className="p-2 font-semibold">
                      {t("status")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {user.certificates.map((certificate) => (
                    <tr key={certificate.id}>
                      <th scope="row" className="p-2 font-normal whitespace-nowrap">
                        <Link
                          href={`/certificates/${certificate.code}`}
                          className="font-mono text-accent underline underline-offset-4"
                        >
                          {certificate.code}
                        </Link>
                      </th>
                      <td className="p-2">{certificate.name}</td>
                      <td className="p-2 whitespace-nowrap">
                        <time dateTime={certificate.issuedAt.toISOString()}>
                          {day(certificate.issuedAt)}
                        </time>
                      </td>
                      <td className="p-2">
                        {certificate.revokedAt
                          ? t("revokedOn", { date: day(certificate.revokedAt) })
                          : t("valid")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {valid.map((certificate) => (
            <section
              key={certificate.id}
              aria-labelledby={`revoke-${certificate.id}`}
              className="mt-6 rounded-xl border border-line bg-panel p-4"
            >
              <h3 id={`revoke-${certificate.id}`} className="font-semibold">
                {t("revokeTitle", { code: certificate.code })}
              </h3>
              <ActionForm
                action={revokeCertificateAction}
                hidden={{ code: certificate.code }}
                submit={t("revoke")}
                variant="danger"
                confirm={t("revokeConfirm")}
                className="max-w-md"
              >
                <label htmlFor={`revoke-reason-${certificate.id}`} className={labelClass}>
                  {t("reason")}
                </label>
                <textarea
                  id={`revoke-reason-${certificate.id}`}
                  name="reason"
                  required
                  minLength={REASON_MIN}
                  maxLength={REASON_MAX}
                  rows={2}
                  aria-describedby={`revoke-hint-${certificate.id}`}
                  className={inputClass}
                />
                <p id={`revoke-hint-${certificate.id}`} className="mt-1 text-xs text-muted">
                  {reasonHint}
                </p>
              </ActionForm>
            </section>
          ))}
        </section>
      </ClientMessages>

      <section aria-labelledby="history" className="mt-10">
        <h2 id="history" className="text-xl font-semibold">
          {t("history")}
        </h2>
        {history.total === 0 ? (
          <p className="mt-3 text-muted">{t("noHistory")}</p>
        ) : (
          <>
            <AuditTable
              entries={history.items}
              people={people}
              caption={t("historyCaption", { name })}
            />
            <Pager
              page={history.page}
              pages={history.pages}
              href={(p) => ({ pathname: href, query: { page: p } })}
            />
          </>
        )}
      </section>
    </PageFrame>
  );
}
