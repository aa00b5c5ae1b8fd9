"use client";

import { ScrollRegion } from "./scroll-region";
import type { LessonState } from "./class-view";

/**
 * The class table's markup, drawn from compact rows (class-table.tsx makes them on the server).
 * A client component on purpose: a class of 200 has 1,600 cells, and as server components each
 * element would also be written into the page's payload; as props, the payload is the rows'
 * data alone (a few bytes a cell), and the markup is made once. It has no state and no effects.
 */

export const MARKS: Record<LessonState, string> = { done: "✓", in_progress: "◐", not_started: "·" };

/** One cell: state, exercises solved, exercises in the lesson. */
export type CompactCell = [LessonState, number, number];

export interface CompactRow {
  id: string;
  name: string;
  href: string;
  stuck: boolean;
  cells: (CompactCell | null)[];
  done: number;
  solved: number;
  /** ISO 8601, and the day as said in the cohort's time zone; null: never active. */
  last: [string, string] | null;
}

export interface ClassTableWords {
  scrollRegion: string;
  caption: string;
  learner: string;
  lessonsDone: string;
  solved: string;
  lastActivity: string;
  stuck: string;
  never: string;
  legend: string;
  /** "done, " and the like, read before the score. */
  states: Record<LessonState, string>;
  /** "{solved}/{total}" as the language writes it, for each pair that occurs. */
  scores: Record<string, string>;
}

export function ClassTableView({
  lessons,
  rows,
  words,
}: {
  lessons: { slug: string; title: string }[];
  rows: CompactRow[];
  words: ClassTableWords;
}) {
  return (
    <ScrollRegion label={words.scrollRegion}>
      <table className="class-table w-full border-collapse text-sm" data-testid="class-table">
        <caption className="sr-only">{words.caption}</caption>
        <thead className="bg-panel">
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-panel p-2 text-left font-semibold">
              {words.learner}
            </th>
            {lessons.map((lesson, index) => (
              <th
                key={lesson.slug}
                scope="col"
                className="p-2 text-center font-semibold"
                title={lesson.title}
              >
                <span aria-hidden="true">{index + 1}</span>
                <span className="sr-only">{lesson.title}</span>
              </th>
            ))}
            <th scope="col" className="p-2 text-right font-semibold">
              {words.lessonsDone}
            </th>
            <th scope="col" className="p-2 text-right font-semibold">
              {words.solved}
            </th>
            <th scope="col" className="p-2 text-left font-semibold">
              {words.lastActivity}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.id} data-learner={row.name}>
              <th scope="row">
                <a href={row.href}>{row.name}</a>
                {row.stuck ? <span className="stuck">{words.stuck}</span> : null}
              </th>
              {lessons.map((lesson, index) => {
                const cell = row.cells[index];
                if (!cell) return <td key={lesson.slug} />;
                const [state, solved, total] = cell;
                return (
                  <td key={lesson.slug} data-lesson={lesson.slug} data-state={state}>
                    <span>
                      <span aria-hidden="true">{MARKS[state]} </span>
                      <span className="sr-only">{words.states[state]}</span>
                      {words.scores[`${String(solved)}/${String(total)}`]}
                    </span>
                  </td>
                );
              })}
              <td className="num" data-column="done">
                {row.done}
              </td>
              <td className="num" data-column="solved">
                {row.solved}
              </td>
              <td className="last">
                {row.last ? <time dateTime={row.last[0]}>{row.last[1]}</time> : words.never}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-line p-2 text-xs text-muted">{words.legend}</p>
    </ScrollRegion>
  );
}
