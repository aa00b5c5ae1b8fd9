import { getFormatter, getTranslations } from "next-intl/server";
import type { Db } from "@neuronlab/db/client";
import type { SessionUser } from "@/auth/session";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { ActionForm } from "@/teaching/action-form";
import { inputClass, labelClass } from "@/teaching/field-classes";
import { claimCertificateAction } from "./actions";
import { loadMyCertificate, MAX_CERTIFICATE_NAME } from "./certificates";

/**
 * "Your certificate" on the learner's dashboard: how far they are from it, the form to claim it
 * once the course is done (with the name to print, their account's name to begin with), or the
 * link to the certificate they hold.
 */
export async function MyCertificate({ user, db }: { user: SessionUser; db: Db }) {
  const [mine, t, format] = await Promise.all([
    loadMyCertificate(user, db),
    getTranslations("Certificates.Mine"),
    getFormatter(),
  ]);
  if (!mine) return null;
  return (
    <section
      aria-labelledby="my-certificate"
      className="mt-10 rounded-xl border border-line p-4"
      data-certificate-state={mine.status}
    >
      <h2 id="my-certificate" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {mine.status === "issued" ? (
        <>
          <p className="mt-2">
            <span aria-hidden="true">✓ </span>
            {t("issued", {
              date: format.dateTime(mine.certificate.issuedAt, {
                dateStyle: "long",
                timeZone: "UTC",
              }),
              name: mine.certificate.name,
            })}
          </p>
          <p className="mt-1 text-sm text-muted">{t("shareHint")}</p>
          <p className="mt-3">
            <Link
              href={`/certificates/${mine.certificate.code}`}
              className="inline-block rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
              data-testid="certificate-link"
            >
              {t("view")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="mt-2 text-muted">{t("intro")}</p>
          <ul className="mt-2 list-inside list-disc text-sm">
            <li>
              {t("lessons", {
                done: mine.progress.lessonsDone,
                total: mine.progress.lessonsTotal,
              })}
            </li>
            <li>
              {t("exercises", {
                solved: mine.progress.exercisesSolved,
                total: mine.progress.exercisesTotal,
              })}
            </li>
          </ul>
          {mine.status === "claimable" ? (
            <ClientMessages namespaces={["Teaching.Form"]}>
              <p className="mt-3 font-medium">{t("ready")}</p>
              <ActionForm action={claimCertificateAction} submit={t("claim")}>
                <label htmlFor="certificate-name" className={labelClass}>
                  {t("nameLabel")}
                </label>
                <input
                  id="certificate-name"
                  name="name"
                  type="text"
                  required
                  maxLength={MAX_CERTIFICATE_NAME}
                  autoComplete="name"
                  defaultValue={user.name ?? ""}
                  aria-describedby="certificate-name-hint"
                  className={inputClass}
                />
                <p id="certificate-name-hint" className="mt-1 text-sm text-muted">
                  {t("nameHint", { max: MAX_CERTIFICATE_NAME })}
                </p>
              </ActionForm>
            </ClientMessages>
          ) : null}
        </>
      )}
    </section>
  );
}
