import { getFormatter, getTranslations } from "next-intl/server";
import { MAX_PUPIL_NAME, MAX_PUPILS_PER_REQUEST } from "@neuronlab/db/pupils";
import { ClientMessages } from "@/i18n/client-messages";
import { PupilManager, type PupilRow } from "./pupil-manager";
import type { PupilListItem } from "./pupils";

export { pupilsOfCohort } from "@neuronlab/db/pupils";

/**
 * The cohort page's section on pupils without e-mail, for one of its teachers: `pupils` from
 * `pupilsOfCohort(db, teacherId, cohortId)` (or `loadPupilsFor`), which checks that they teach it.
 */
export async function PupilPanel({
  cohortId,
  pupils,
  archived,
}: {
  cohortId: string;
  pupils: PupilListItem[];
  archived: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("Pupils.Panel"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const rows: PupilRow[] = pupils.map((pupil) => ({
    id: pupil.id,
    name: pupil.name,
    note: pupil.replacedAt
      ? t("cardReplaced", { date: day(pupil.replacedAt) })
      : t("cardMade", { date: day(pupil.cardMadeAt) }),
    member: pupil.member,
  }));
  return (
    <section aria-labelledby="pupils-title" className="mt-10">
      <h2 id="pupils-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-muted">{t("lead")}</p>
      <ClientMessages namespaces={["Pupils.Panel"]}>
        <PupilManager
          cohortId={cohortId}
          pupils={rows}
          archived={archived}
          max={MAX_PUPILS_PER_REQUEST}
          maxLength={MAX_PUPIL_NAME}
        />
      </ClientMessages>
    </section>
  );
}
