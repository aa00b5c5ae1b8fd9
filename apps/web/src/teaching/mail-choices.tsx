import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { ActionForm } from "./action-form";
import { saveMailChoicesAction } from "./actions";

/** The account page's mail choices: reminders for everyone, the weekly summary for teachers. */
export async function MailChoices({
  choices,
  teaches,
}: {
  choices: { mailReminders: boolean; mailSummary: boolean };
  teaches: boolean;
}) {
  const t = await getTranslations("MailChoices");
  const box = "mt-1 size-4 shrink-0 accent-[var(--color-accent)]";
  return (
    <section
      aria-labelledby="mail-title"
      id="mail"
      className="mt-8 rounded-xl border border-line p-5"
    >
      <h2 id="mail-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1">{t("text")}</p>
      <ClientMessages namespaces={["Teaching.Form"]}>
        <ActionForm action={saveMailChoicesAction} submit={t("save")} className="mt-3">
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name="reminders"
              defaultChecked={choices.mailReminders}
              className={box}
            />
            <span>{t("reminders")}</span>
          </label>
          {teaches ? (
            <label className="mt-2 flex items-start gap-2">
              <input
                type="checkbox"
                name="summary"
                defaultChecked={choices.mailSummary}
                className={box}
              />
              <span>{t("summary")}</span>
            </label>
          ) : null}
        </ActionForm>
      </ClientMessages>
    </section>
  );
}
