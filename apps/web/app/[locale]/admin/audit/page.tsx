import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadAuditPage } from "@/admin/admin";
import { AdminNav, AuditTable, Pager } from "@/admin/parts";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { HttpError } from "@/http/errors";
import { PageFrame, SignInFirst } from "@/teaching/page-parts";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/admin/audit">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Admin.Audit" });
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** The whole audit log, newest first, 25 a page: read-only, as the database keeps it. */
export default async function AuditPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/audit">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Admin.Audit");
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!db || !user) return <SignInFirst title={t("title")} href="/admin/audit" locale={locale} />;

  let page;
  try {
    page = await loadAuditPage(user, db, await searchParams);
  } catch (error) {
    // Not an admin, or a page number that is none: nothing to show.
    if (error instanceof HttpError && [400, 403, 404].includes(error.status)) notFound();
    throw error;
  }
  const { log, people } = page;
  return (
    <PageFrame title={t("title")} lead={t("lead")} wide>
      <AdminNav />
      {log.total === 0 ? (
        <p className="mt-6 text-muted">{t("empty")}</p>
      ) : (
        <AuditTable entries={log.items} people={people} caption={t("caption")} />
      )}
      <Pager
        page={log.page}
        pages={log.pages}
        href={(p) => ({ pathname: "/admin/audit", query: { page: p } })}
      />
    </PageFrame>
  );
}
