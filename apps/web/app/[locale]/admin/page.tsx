import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { loadUserSearch, MAX_QUERY } from "@/admin/admin";
import { AdminNav, Pager, personLabel } from "@/admin/parts";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { errorText, HttpError } from "@/http/errors";
import { Link } from "@/i18n/navigation";
import { inputClass, labelClass, PageFrame, SignInFirst } from "@/teaching/page-parts";
import { ScrollRegion } from "@/teaching/scroll-region";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/admin">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Admin.Search" });
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** The admins' home: find people by address or name (GET ?q=), and open one. */
export default async function AdminHome({ params, searchParams }: PageProps<"/[locale]/admin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Admin.Search");
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!db || !user) return <SignInFirst title={t("title")} href="/admin" locale={locale} />;

  let found;
  let refusal: string | undefined;
  try {
    found = await loadUserSearch(user, db, await searchParams);
  } catch (error) {
    // Anyone but an admin finds nothing here, as on other people's cohort pages.
    if (error instanceof HttpError && (error.status === 403 || error.status === 404)) notFound();
    if (!(error instanceof HttpError) || error.status !== 400) throw error;
    refusal = await errorText(error, locale);
  }
  const [ta, format] = await Promise.all([getTranslations("Admin"), getFormatter()]);
  const query = found?.query ?? "";
  const results = found?.results;

  return (
    <PageFrame title={t("title")} lead={t("lead")} wide>
      <AdminNav />
      <form role="search" method="get" className="mt-6 flex max-w-xl flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="admin-search" className={labelClass}>
            {t("label")}
          </label>
          <input
            id="admin-search"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={MAX_QUERY}
            autoComplete="off"
            className={inputClass}
            aria-describedby={refusal ? "admin-search-error" : undefined}
          />
        </div>
        <button
          type="submit"
          className="rounded-md bg-accent px-3 py-2 text-sm font-semibold text-accent-ink"
        >
          {t("submit")}
        </button>
      </form>
      {refusal ? (
        <p
          id="admin-search-error"
          role="alert"
          className="mt-2 text-sm font-medium text-red-800 dark:text-red-300"
        >
          {refusal}
        </p>
      ) : null}

      {results ? (
        <section aria-labelledby="results" className="mt-8">
          <h2 id="results" className="text-xl font-semibold">
            {t("found", { total: results.total })}
          </h2>
          {results.items.length > 0 ? (
            <ScrollRegion label={query ? t("caption", { query }) : t("captionAll")}>
              <table className="w-full min-w-[36rem] text-left text-sm" data-testid="user-table">
                <caption className="sr-only">
                  {query ? t("caption", { query }) : t("captionAll")}
                </caption>
                <thead className="bg-panel">
                  <tr>
                    <th scope="col" className="p-2 font-semibold">
                      {t("name")}
                    </th>
                    <th scope="col" className="p-2 font-semibold">
                      {t("email")}
                    </th>
                    <th scope="col" className="p-2 font-semibold">
                      {t("role")}
                    </th>
                    <th scope="col" className="p-2 font-semibold">
                      {t("created")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {results.items.map((person) => (
                    <tr key={person.id}>
                      <th scope="row" className="p-2 font-normal">
                        <Link
                          href={`/admin/users/${person.id}`}
                          className="font-medium text-accent underline underline-offset-4"
                        >
                          {personLabel(person, ta("noName"))}
                        </Link>
                      </th>
                      <td className="p-2 break-all">{person.email ?? ta("pupil")}</td>
                      <td className="p-2">{ta(`roles.${person.role}`)}</td>
                      <td className="p-2 whitespace-nowrap text-muted">
                        <time dateTime={person.createdAt.toISOString()}>
                          {format.dateTime(person.createdAt, {
                            dateStyle: "medium",
                            timeZone: "UTC",
                          })}
                        </time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : null}
          <Pager
            page={results.page}
            pages={results.pages}
            href={(page) => ({
              pathname: "/admin",
              query: { ...(query ? { q: query } : {}), page },
            })}
          />
        </section>
      ) : null}
    </PageFrame>
  );
}
