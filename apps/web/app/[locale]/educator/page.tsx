import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { LOCALES, localeName } from "@neuronlab/config/locales";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { ActionForm } from "@/teaching/action-form";
import { becomeEducatorAction, createCohortAction } from "@/teaching/actions";
import { inputClass, labelClass, PageFrame, SignInFirst } from "@/teaching/page-parts";
import { loadTeacherHome } from "@/teaching/teaching";
import { TimeZoneField } from "@/teaching/time-zone-field";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/educator">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Teaching.Home" });
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function EducatorHome({ params }: PageProps<"/[locale]/educator">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Teaching.Home");
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!db || !user) return <SignInFirst title={t("title")} href="/educator" locale={locale} />;

  if (user.role === "LEARNER") {
    return (
      <PageFrame title={t("title")} lead={t("learnerLead")}>
        <ul className="mt-6 list-disc space-y-1 pl-6">
          <li>{t("offer.cohorts")}</li>
          <li>{t("offer.dashboard")}</li>
          <li>{t("offer.assignments")}</li>
          <li>{t("offer.privacy")}</li>
        </ul>
        <ClientMessages namespaces={["Teaching.Form"]}>
          <ActionForm action={becomeEducatorAction} submit={t("iTeach")} className="mt-6" />
        </ClientMessages>
      </PageFrame>
    );
  }

  const [cohorts, format] = await Promise.all([loadTeacherHome(user, db), getFormatter()]);
  return (
    <PageFrame title={t("title")} lead={t("educatorLead")}>
      <section aria-labelledby="cohorts" className="mt-8">
        <h2 id="cohorts" className="text-xl font-semibold">
          {t("yourCohorts")}
        </h2>
        {cohorts.length === 0 ? (
          <p className="mt-3 text-muted">{t("noCohorts")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-line rounded-xl border border-line">
            {cohorts.map((cohort) => (
              <li
                key={cohort.id}
                className="flex flex-wrap items-baseline justify-between gap-2 p-4"
              >
                <div>
                  <Link
                    href={`/educator/cohorts/${cohort.id}`}
                    className="font-semibold underline-offset-4 hover:underline"
                  >
                    {cohort.name}
                  </Link>
                  {cohort.archivedAt ? (
                    <span className="ml-2 rounded bg-panel px-2 py-0.5 text-xs text-muted">
                      {t("archived")}
                    </span>
                  ) : null}
                  {cohort.description ? (
                    <p className="text-sm text-muted">{cohort.description}</p>
                  ) : null}
                </div>
                <p className="text-sm text-muted">
                  {t("learners", { count: cohort.learners })} ·{" "}
                  {t("created", {
                    date: format.dateTime(cohort.createdAt, {
                      dateStyle: "medium",
                      timeZone: "UTC",
                    }),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section
        aria-labelledby="new-cohort"
        className="mt-10 rounded-xl border border-line bg-panel p-4"
      >
        <h2 id="new-cohort" className="text-lg font-semibold">
          {t("newCohort")}
        </h2>
        <ClientMessages namespaces={["Teaching.Form"]}>
          <ActionForm action={createCohortAction} submit={t("create")} className="max-w-md">
            <label htmlFor="cohort-name" className={labelClass}>
              {t("name")}
            </label>
            <input id="cohort-name" name="name" required maxLength={120} className={inputClass} />
            <label htmlFor="cohort-description" className={labelClass}>
              {t("description")}
            </label>
            <textarea
              id="cohort-description"
              name="description"
              maxLength={1000}
              rows={2}
              className={inputClass}
            />
            <label htmlFor="cohort-locale" className={labelClass}>
              {t("language")}
            </label>
            <select id="cohort-locale" name="locale" defaultValue={locale} className={inputClass}>
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {localeName(code)}
                </option>
              ))}
            </select>
            <TimeZoneField label={t("timeZone")} defaultValue="UTC" guess />
          </ActionForm>
        </ClientMessages>
      </section>
    </PageFrame>
  );
}
