import { describe, expect, it } from "vitest";
import { resolveConfig } from "./config.ts";
import { trainPlayground } from "./run.ts";
import { PlaygroundSession, readsPlane, stepsPerFrame, trainingKey } from "./session.ts";

/** XOR with the defaults: features x₁, x₂; hidden layers 4 and 2, tanh; learning rate 0.03. */
const xor = resolveConfig({ dataset: "xor" });

describe("PlaygroundSession", () => {
  it("reaches 100% test accuracy on XOR within three seconds of frames at 60 fps", () => {
    const session = new PlaygroundSession(xor);
    expect(session.stepsPerFrame).toBe(35); // 350 training points in batches of 10: an epoch
    const started = performance.now();
    let frames = 0;
    while (session.stats.testAccuracy < 1 && frames < 600) {
      expect(session.frame(Infinity)).toBe("running");
      frames++;
    }
    const elapsed = performance.now() - started;
    expect(session.stats.testAccuracy).toBe(1);
    expect(frames).toBeLessThanOrEqual(180);
    // The arithmetic is a small part of each frame's time, even on a busy test machine.
    expect(elapsed / frames).toBeLessThan(16);
    // It stays there.
    for (let k = 0; k < 30; k++) session.frame(Infinity);
    expect(session.stats.testAccuracy).toBe(1);
  });

  it("takes exactly the steps the server replays", () => {
    const session = new PlaygroundSession(xor);
    for (let k = 0; k < 10; k++) session.frame(Infinity);
    const replay = trainPlayground(xor, session.step);
    expect(session.step).toBe(350);
    expect(session.stats.trainLoss).toBe(replay.trainLoss);
    expect(session.stats.testLoss).toBe(replay.testLoss);
    expect(session.stats.testAccuracy).toBe(replay.testAccuracy);
  });

  it("records one point per step count on both curves, starting at step 0", () => {
    const session = new PlaygroundSession(xor);
    expect(session.trainLoss.latest).toEqual({ step: 0, value: session.stats.trainLoss });
    const before = session.stats.trainLoss;
    session.stepOnce();
    expect(session.step).toBe(1);
    expect(session.stats.trainLoss).not.toBe(before);
    session.record();
    expect(session.recorded).toBe(2);
    expect(session.testLoss.length).toBe(2);
  });

  it("stops on divergence with the engine's message, and takes no more steps", () => {
    const session = new PlaygroundSession(
      resolveConfig({
        dataset: "circle",
        learningRate: 10,
        activation: "linear",
        hiddenLayers: [8, 8, 8, 8, 8, 8],
      }),
    );
    let status = "running";
    for (let k = 0; k < 20 && status === "running"; k++) status = session.frame(Infinity);
    expect(status).toBe("diverged");
    expect(session.error?.message).toMatch(/Training diverged at step \d+/);
    expect(session.error?.message).toMatch(/smaller learning rate/);
    expect(session.error?.step).toBe(session.step + 1);
    expect(["loss", "gradient", "weight"]).toContain(session.error?.reason);
    const stopped = session.step;
    expect(session.frame(Infinity)).toBe("diverged");
    expect(session.step).toBe(stopped);
  });

  it("stops at a step limit", () => {
    const session = new PlaygroundSession(xor);
    expect(session.frame(Infinity, 20)).toBe("finished");
    expect(session.step).toBe(20);
    expect(session.frame(Infinity, 20)).toBe("finished");
    expect(session.step).toBe(20);
  });

  it("predicts on the plane through the chosen features", () => {
    const squares = new PlaygroundSession(
      resolveConfig({ dataset: "circle", features: ["x1Squared", "x2Squared"], hiddenLayers: [] }),
    );
    // Only squares go in, so the output is symmetric about both axes.
    const [a, b, c] = squares.predict(Float64Array.of(0.5, 0.3, -0.5, 0.3, 0.5, -0.3), 3);
    expect(a).toBeCloseTo(b ?? Number.NaN, 12);
    expect(a).toBeCloseTo(c ?? Number.NaN, 12);
    expect(readsPlane(squares.config)).toBe(false);
    expect(readsPlane(xor)).toBe(true);
  });

  it("keys training on everything but the view switches", () => {
    const shown = trainingKey(xor);
    expect(trainingKey({ ...xor, discretize: true, showTestData: false })).toBe(shown);
    expect(trainingKey({ ...xor, learningRate: 0.1 })).not.toBe(shown);
    expect(stepsPerFrame(new PlaygroundSession({ ...xor, batchSize: 1 }).build)).toBe(200);
  });
});
