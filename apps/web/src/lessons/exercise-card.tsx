"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState, type SyntheticEvent, type ReactNode } from "react";
import type { Answer, PublicExercise } from "@neuronlab/content/exercises/schema";
import { exerciseStatus } from "@/progress/progress-view";
import { progressSync, useLearnerProgress } from "@/progress/use-progress";
import { refusal, submitAttempt, SubmitError, type AttemptResult } from "./submit-attempt";
import { LazyWidget } from "./lazy-widget";
import { parseNumberInput } from "./parse-number";

export interface ExerciseCardProps {
  exercise: PublicExercise;
  lesson: string;
  anchor: string;
}

/**
 * One exercise: the learner answers, the server grades (the key never comes to the browser), and
 * the card shows whether it was right, what was wrong and the explanation. Hints come one at a
 * time on request. Every graded attempt is kept: in the learner's account when signed in (the
 * server stores it as it grades it), otherwise in this browser. The card's words come from the
 * "ExerciseCard" messages; the server sends the feedback and explanation in the page's language.
 */
export function ExerciseCard({ exercise, lesson, anchor }: ExerciseCardProps) {
  const t = useTranslations("ExerciseCard");
  const locale = useLocale();
  const headingId = useId();
  const status = exerciseStatus(useLearnerProgress().view, exercise.id);
  const [hints, setHints] = useState(0);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send(answer: Answer) {
    setPending(true);
    setError(null);
    const attemptId = crypto.randomUUID();
    const at = new Date().toISOString();
    try {
      const { result: graded } = await submitAttempt(exercise.id, answer, { attemptId, locale });
      setResult(graded);
      progressSync().attemptGraded({
        attemptId,
        exerciseId: exercise.id,
        lesson,
        answer,
        correct: graded.correct,
        saved: graded.saved,
        at,
      });
    } catch (caught) {
      if (caught instanceof SubmitError) {
        const refused = refusal(caught);
        setError(t(`errors.${refused.key}`, "values" in refused ? refused.values : undefined));
      } else if (
        progressSync().attemptUnsent({ attemptId, exerciseId: exercise.id, lesson, answer, at })
      )
        setError(t("errors.savedForLater"));
      else setError(t("errors.offline"));
    } finally {
      setPending(false);
    }
  }

  return (
    <section
      id={anchor}
      aria-labelledby={headingId}
      className="not-prose my-10 scroll-mt-20 rounded-xl border border-line bg-panel p-4 sm:p-6"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold tracking-wide text-accent uppercase">
          {t(`kind.${exercise.kind}`)}
        </h3>
        {status ? (
          <p className="text-sm text-muted">
            {t("status", {
              state: status.solved ? "solved" : "unsolved",
              attempts: status.attempts,
              pending: status.pending,
            })}
          </p>
        ) : null}
      </div>
      <p className="mt-2 text-base whitespace-pre-line">{exercise.prompt}</p>

      <AnswerForm
        exercise={exercise}
        pending={pending}
        onAnswer={(answer) => {
          void send(answer);
        }}
        graded={result}
      />

      {exercise.hints.length > 0 ? (
        <div className="mt-4">
          {hints > 0 ? (
            <ol className="mb-2 list-decimal space-y-1 pl-5 text-sm" aria-label={t("hints")}>
              {exercise.hints.slice(0, hints).map((hint) => (
                <li key={hint}>{hint}</li>
              ))}
            </ol>
          ) : null}
          {hints < exercise.hints.length ? (
            <button
              type="button"
              className="text-sm font-medium text-accent underline underline-offset-4"
              onClick={() => {
                setHints((n) => n + 1);
              }}
            >
              {t(hints === 0 ? "showHint" : "showAnotherHint", {
                left: exercise.hints.length - hints,
              })}
            </button>
          ) : null}
        </div>
      ) : null}

      <div aria-live="polite" className="mt-4">
        {error ? (
          <p role="alert" className="rounded-md border border-[var(--viz-negative)] p-3 text-sm">
            {error}
          </p>
        ) : null}
        {result ? <ResultPanel result={result} /> : null}
      </div>
    </section>
  );
}

function ResultPanel({ result }: { result: AttemptResult }) {
  const t = useTranslations("ExerciseCard");
  return (
    <div
      className={`rounded-lg border-2 p-4 ${result.correct ? "border-[var(--viz-positive)]" : "border-[var(--viz-negative)]"}`}
      data-result={result.correct ? "right" : "wrong"}
    >
      <p className="font-semibold">
        {t(result.correct ? "right" : "notQuite")}
        <span className="font-normal"> {t("feedback", { feedback: result.feedback })}</span>
      </p>
      <p className="mt-2 text-sm font-semibold">{t("why")}</p>
      <p className="mt-1 text-sm whitespace-pre-line">{result.explanation}</p>
    </div>
  );
}

interface AnswerFormProps {
  exercise: PublicExercise;
  pending: boolean;
  graded: AttemptResult | null;
  onAnswer: (answer: Answer) => void;
}

function AnswerForm({ exercise, pending, graded, onAnswer }: AnswerFormProps) {
  switch (exercise.kind) {
    case "choice":
      return <ChoiceForm exercise={exercise} pending={pending} onAnswer={onAnswer} />;
    case "numeric":
      return <NumericForm exercise={exercise} pending={pending} onAnswer={onAnswer} />;
    case "ordering":
      return <OrderingForm exercise={exercise} pending={pending} onAnswer={onAnswer} />;
    case "predict":
      return (
        <PredictForm exercise={exercise} pending={pending} graded={graded} onAnswer={onAnswer} />
      );
    case "goal":
      return <GoalForm exercise={exercise} pending={pending} onAnswer={onAnswer} />;
  }
}

function SubmitButton({ pending, children }: { pending: boolean; children?: ReactNode }) {
  const t = useTranslations("ExerciseCard");
  return (
    <button
      type="submit"
      disabled={pending}
      className="mt-4 rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink disabled:opacity-60"
    >
      {pending ? t("checking") : (children ?? t("check"))}
    </button>
  );
}

function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-2 text-sm font-medium text-[var(--viz-negative-ink,inherit)]">
      {message}
    </p>
  );
}

type Of<K extends PublicExercise["kind"]> = Extract<PublicExercise, { kind: K }>;

function OptionList({
  name,
  options,
  multiple,
  selected,
  onChange,
}: {
  name: string;
  options: { id: string; text: string }[];
  multiple: boolean;
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  return (
    <ul className="mt-3 space-y-2">
      {options.map((option) => (
        <li key={option.id}>
          <label className="flex cursor-pointer items-start gap-3 rounded-md border border-line bg-canvas p-3 has-[:checked]:border-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={option.id}
              checked={selected.includes(option.id)}
              onChange={(event) => {
                if (!multiple) onChange([option.id]);
                else if (event.target.checked) onChange([...selected, option.id]);
                else onChange(selected.filter((s) => s !== option.id));
              }}
              className="mt-1 size-4 accent-[var(--color-accent,currentColor)]"
            />
            <span>{option.text}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

function ChoiceForm({
  exercise,
  pending,
  onAnswer,
}: {
  exercise: Of<"choice">;
  pending: boolean;
  onAnswer: (a: Answer) => void;
}) {
  const t = useTranslations("ExerciseCard");
  const [selected, setSelected] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (selected.length === 0) {
      setProblem(t(exercise.multiple ? "tickAtLeastOne" : "chooseFirst"));
      return;
    }
    setProblem(null);
    onAnswer({ kind: "choice", selected });
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend className="text-sm text-muted">
          {t(exercise.multiple ? "tickEvery" : "chooseOne")}
        </legend>
        <OptionList
          name={`choice-${exercise.id}`}
          options={exercise.options}
          multiple={exercise.multiple}
          selected={selected}
          onChange={setSelected}
        />
      </fieldset>
      <FormError message={problem} />
      <SubmitButton pending={pending} />
    </form>
  );
}

function NumericForm({
  exercise,
  pending,
  onAnswer,
}: {
  exercise: Of<"numeric">;
  pending: boolean;
  onAnswer: (a: Answer) => void;
}) {
  const t = useTranslations("ExerciseCard");
  const format = useFormatter();
  const inputId = useId();
  const errorId = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  // Examples in the language's own notation ("0,75" in German): parseNumberInput reads both marks.
  const example = format.number(0.75);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const value = parseNumberInput(text);
    if (value === null) {
      setProblem(t("typeNumber", { example, negative: format.number(-2) }));
      return;
    }
    setProblem(null);
    onAnswer({ kind: "numeric", value });
  };
  return (
    <form onSubmit={submit} noValidate className="mt-3">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {exercise.unit ? t("yourAnswerIn", { unit: exercise.unit }) : t("yourAnswer")}
      </label>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={t("numberPlaceholder", { example })}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        className="mt-1 w-40 rounded-md border border-line bg-canvas px-3 py-2 font-mono"
      />
      <div id={errorId}>
        <FormError message={problem} />
      </div>
      <SubmitButton pending={pending} />
    </form>
  );
}

function OrderingForm({
  exercise,
  pending,
  onAnswer,
}: {
  exercise: Of<"ordering">;
  pending: boolean;
  onAnswer: (a: Answer) => void;
}) {
  const t = useTranslations("ExerciseCard");
  const [items, setItems] = useState(exercise.items);
  const [announcement, setAnnouncement] = useState("");
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(target, 0, item);
    setItems(next);
    setAnnouncement(t("moved", { item: item.text, position: target + 1, total: next.length }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onAnswer({ kind: "ordering", order: items.map((i) => i.id) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="mt-3 text-sm text-muted">{t("orderHelp")}</p>
      <ol className="mt-2 space-y-2" aria-label={t("yourOrder")}>
        {items.map((item, index) => (
          <li
            key={item.id}
            className="flex items-center gap-2 rounded-md border border-line bg-canvas p-2"
          >
            <span className="w-6 text-center font-mono text-muted" aria-hidden="true">
              {index + 1}
            </span>
            <span className="flex-1">{item.text}</span>
            <button
              type="button"
              aria-label={t("moveUp", { item: item.text })}
              disabled={index === 0}
              onClick={() => {
                move(index, -1);
              }}
              className="rounded border border-line px-2 py-1 disabled:opacity-40"
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={t("moveDown", { item: item.text })}
              disabled={index === items.length - 1}
              onClick={() => {
                move(index, 1);
              }}
              className="rounded border border-line px-2 py-1 disabled:opacity-40"
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <SubmitButton pending={pending} />
    </form>
  );
}

function PredictForm({
  exercise,
  pending,
  graded,
  onAnswer,
}: {
  exercise: Of<"predict">;
  pending: boolean;
  graded: AttemptResult | null;
  onAnswer: (a: Answer) => void;
}) {
  const t = useTranslations("ExerciseCard");
  const [selected, setSelected] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const guess = selected[0];
    if (guess === undefined) {
      setProblem(t("predictFirst"));
      return;
    }
    setProblem(null);
    onAnswer({ kind: "predict", selected: guess });
  };
  return (
    <>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={graded !== null}>
          <legend className="text-sm text-muted">{t("predictLegend")}</legend>
          <OptionList
            name={`predict-${exercise.id}`}
            options={exercise.options}
            multiple={false}
            selected={selected}
            onChange={setSelected}
          />
        </fieldset>
        <FormError message={problem} />
        {graded === null ? <SubmitButton pending={pending}>{t("lockIn")}</SubmitButton> : null}
      </form>
      {graded !== null ? (
        <div className="mt-4">
          <p className="text-sm font-semibold">{t("runIt")}</p>
          <LazyWidget name={exercise.figure.widget} props={exercise.figure.props} eager />
        </div>
      ) : null}
    </>
  );
}

function GoalForm({
  exercise,
  pending,
  onAnswer,
}: {
  exercise: Of<"goal">;
  pending: boolean;
  onAnswer: (a: Answer) => void;
}) {
  const t = useTranslations("ExerciseCard");
  const { goal } = exercise;
  const [neuron, setNeuron] = useState<{ weights: [number, number]; bias: number } | null>(null);
  const [config, setConfig] = useState<unknown>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (goal.type === "neuron-separates") {
      const value = neuron ?? { weights: [0, 0] as [number, number], bias: 0 };
      onAnswer({ kind: "goal", weights: value.weights, bias: value.bias });
      return;
    }
    // Untouched, the playground is the goal's own starting set-up.
    onAnswer({ kind: "goal", config: config ?? goal.preset });
  };
  return (
    <form onSubmit={submit} noValidate>
      {goal.type === "neuron-separates" ? (
        <LazyWidget
          name="SeparatorGoal"
          props={{ points: goal.points, weights: [0, 0], bias: 0 }}
          handlers={{ onChange: setNeuron }}
        />
      ) : (
        <>
          <p className="mt-2 text-sm text-muted">
            {goal.maxHiddenNeurons === undefined
              ? t("goalPlayground", { steps: goal.steps })
              : t("goalPlaygroundLimit", { steps: goal.steps, limit: goal.maxHiddenNeurons })}
          </p>
          <LazyWidget
            name="Playground"
            props={{ preset: goal.preset, syncUrl: false }}
            handlers={{ onConfigChange: setConfig }}
          />
        </>
      )}
      <SubmitButton pending={pending}>{t("checkSetup")}</SubmitButton>
    </form>
  );
}
