import { DEFAULT_LOCALE, isLocale, type Locale } from "@neuronlab/config/locales";
import { courseIn } from "@neuronlab/content/course";
import type { Db } from "@neuronlab/db/client";
import {
  claimReminder,
  claimSummary,
  dueReminders,
  dueSummaries,
  releaseReminder,
  releaseSummary,
  summaryWeek,
  type DueReminder,
  type EducatorWeek,
} from "@neuronlab/db/reminders";
import { createTranslator } from "next-intl";
import type { Mail, SendMail } from "@/auth/mail";
import { loadMessages } from "@/i18n/messages";
import { localePath } from "@/i18n/paths";
import { composeMail } from "@/mail/compose";
import { assignmentHref } from "@/teaching/assignment-target";
import { assignmentTitle } from "@/teaching/assignment-title";

/**
 * The scheduled mails: reminders of assignments due, and the educators' weekly summary. Each run
 * takes the moment it runs for as an argument (a job's `at`, or now), claims each mail in the
 * database before sending it (so several workers send it once), and gives the claim back when the
 * mail server refuses, for the next run to try again. Run by the job worker (worker.ts).
 */

export interface ScheduledMailDeps {
  db: Db;
  sendMail: SendMail;
  /** The site's configured address: links are built on it. */
  siteUrl: string;
}

export interface RunResult {
  sent: number;
  failed: number;
}

/** The page where a person turns these mails off (the account page's mail section). */
export const MAIL_CHOICES_PATH = "/account";
export const MAIL_CHOICES_ANCHOR = "mail";

function pageUrl(siteUrl: string, path: `/${string}`, locale: Locale, hash?: string): string {
  const url = new URL(localePath(path, locale), siteUrl);
  if (hash) url.hash = hash;
  return url.toString();
}

/** A person's own language, else the cohort's, else the default. */
function mailLocale(...choices: (string | null | undefined)[]): Locale {
  return choices.find((c): c is Locale => typeof c === "string" && isLocale(c)) ?? DEFAULT_LOCALE;
}

function lessonTitle(slug: string, locale: Locale): string {
  return courseIn(locale).compiledLessons.find((l) => l.meta.slug === slug)?.meta.title ?? slug;
}

const choicesUrl = (siteUrl: string, locale: Locale) =>
  pageUrl(siteUrl, MAIL_CHOICES_PATH, locale, MAIL_CHOICES_ANCHOR);

export async function reminderMail(reminder: DueReminder, siteUrl: string): Promise<Mail> {
  const { learner, cohort } = reminder;
  const locale = mailLocale(learner.locale, cohort.locale);
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "ReminderMail",
  });
  const words = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "Teaching.Assignment",
  });
  const lesson =
    reminder.kind === "EXERCISE"
      ? assignmentTitle({ ...reminder, note: null }, locale, (key, values) => words(key, values))
      : lessonTitle(reminder.lessonSlug, locale);
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: cohort.timeZone,
  }).format(reminder.dueAt);
  const settings = choicesUrl(siteUrl, locale);
  return composeMail({
    to: learner.email,
    locale,
    subject: t("subject", { lesson, date }),
    headers: { "List-Unsubscribe": `<${settings}>` },
    blocks: [
      { text: () => (learner.name ? t("greetingNamed", { name: learner.name }) : t("greeting")) },
      {
        text: (mark) =>
          reminder.kind === "EXERCISE"
            ? t("dueExercise", { cohort: mark(cohort.name), exercise: mark(lesson), date })
            : t("due", { cohort: mark(cohort.name), lesson: mark(lesson), date }),
      },
      {
        button: t("button"),
        url: pageUrl(siteUrl, assignmentHref({ ...reminder }), locale),
        copy: (url) => t("copy", { url }),
      },
      { text: () => t("why", { cohort: cohort.name, url: settings }), small: true },
    ],
  });
}

export async function summaryMail(
  { educator, cohorts }: EducatorWeek,
  week: { from: Date; to: Date },
  siteUrl: string,
): Promise<Mail> {
  const locale = mailLocale(educator.locale);
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "SummaryMail",
  });
  const words = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "Teaching.Assignment",
  });
  const day = (date: Date, timeZone = "UTC") =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
  // The week's last day, not the Monday that ends it.
  const from = day(week.from);
  const to = day(new Date(week.to.getTime() - 1));
  const settings = choicesUrl(siteUrl, locale);
  return composeMail({
    to: educator.email,
    locale,
    subject: t("subject", { from, to }),
    headers: { "List-Unsubscribe": `<${settings}>` },
    blocks: [
      { text: () => (educator.name ? t("greetingNamed", { name: educator.name }) : t("greeting")) },
      { text: () => t("intro", { from, to }) },
      ...cohorts.flatMap((cohort) => [
        {
          text: (mark: (value: string) => string) =>
            t("cohort", {
              cohort: mark(cohort.name),
              learners: cohort.learners,
              active: cohort.active,
              lessons: cohort.lessonsFinished,
              attempts: cohort.attempts,
            }),
        },
        ...(cohort.dueSoon.length > 0
          ? [
              {
                list: cohort.dueSoon.map(
                  (due) => () =>
                    t("dueSoon", {
                      lesson:
                        due.kind === "EXERCISE"
                          ? assignmentTitle({ ...due, note: null }, locale, (key, values) =>
                              words(key, values),
                            )
                          : lessonTitle(due.lessonSlug, locale),
                      date: day(due.dueAt, cohort.timeZone),
                      finished: due.finished,
                      learners: cohort.learners,
                    }),
                ),
              },
            ]
          : []),
      ]),
      { button: t("button"), url: pageUrl(siteUrl, "/educator", locale) },
      { text: () => t("why", { url: settings }), small: true },
    ],
  });
}

/** Sends the reminders due at `now`; each once, whatever else runs at the same time. */
export async function sendDueReminders(deps: ScheduledMailDeps, now: Date): Promise<RunResult> {
  const result: RunResult = { sent: 0, failed: 0 };
  for (const reminder of await dueReminders(deps.db, now)) {
    const key = {
      assignmentId: reminder.assignmentId,
      userId: reminder.learner.id,
      dueAt: reminder.dueAt,
    };
    if (!(await claimReminder(deps.db, key))) continue;
    try {
      await deps.sendMail(await reminderMail(reminder, deps.siteUrl));
      result.sent++;
    } catch (error) {
      console.error("reminder mail not sent; it will be tried again:", error);
      await releaseReminder(deps.db, key);
      result.failed++;
    }
  }
  return result;
}

/** Sends the summary of the last full week to each educator due one; each once per week. */
export async function sendWeeklySummaries(deps: ScheduledMailDeps, now: Date): Promise<RunResult> {
  const result: RunResult = { sent: 0, failed: 0 };
  const week = summaryWeek(now);
  for (const summary of await dueSummaries(deps.db, week, now)) {
    if (!(await claimSummary(deps.db, summary.educator.id, week.from))) continue;
    try {
      await deps.sendMail(await summaryMail(summary, week, deps.siteUrl));
      result.sent++;
    } catch (error) {
      console.error("weekly summary not sent; it will be tried again:", error);
      await releaseSummary(deps.db, summary.educator.id, week.from);
      result.failed++;
    }
  }
  return result;
}
