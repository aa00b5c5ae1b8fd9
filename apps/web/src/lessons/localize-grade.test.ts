import { describe, expect, it } from "vitest";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import { gradeAnswer } from "@neuronlab/content/exercises/grade";
import { localizeGrade } from "./localize-grade";

function exercise(id: string) {
  const found = findExercise(id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found.exercise;
}

describe("localizeGrade", () => {
  it("says what was wrong in English, as before, with the English explanation", async () => {
    const weight = exercise("intro-find-weight");
    const graded = await localizeGrade(gradeAnswer(weight, { kind: "numeric", value: 3.5 }), "en");
    expect(graded.feedback).toBe(
      "3.5000 is not it: answers within 0.0100 of the right value count.",
    );
    expect(graded.explanation).toBe(weight.explanation);
    expect(graded.correct).toBe(false);
  });

  it("says it in German, with a decimal comma and the German explanation", async () => {
    const weight = exercise("intro-find-weight");
    const wrong = await localizeGrade(gradeAnswer(weight, { kind: "numeric", value: 3.5 }), "de");
    expect(wrong.feedback).toBe(
      "3,5000 stimmt nicht: Antworten, die höchstens 0,0100 vom richtigen Wert abweichen, zählen.",
    );
    expect(wrong.explanation).not.toBe(weight.explanation);
    expect(wrong.explanation).toMatch(/€|Euro/);
    const right = await localizeGrade(gradeAnswer(weight, { kind: "numeric", value: 4 }), "de");
    expect(right).toMatchObject({ correct: true, feedback: "Richtig." });
  });

  it("counts in the language's plural forms", async () => {
    const big = exercise("intro-big-picture");
    const partly = await localizeGrade(
      gradeAnswer(big, { kind: "choice", selected: ["function", "brain"] }),
      "en",
    );
    expect(partly.feedback).toBe("1 of the 3 right options chosen, and 1 that is not right.");
    const german = await localizeGrade(
      gradeAnswer(big, { kind: "choice", selected: ["function", "brain", "rules"] }),
      "de",
    );
    expect(german.feedback).toBe("1 von 3 richtigen Antworten gewählt, dazu 2 falsche.");
  });
});
