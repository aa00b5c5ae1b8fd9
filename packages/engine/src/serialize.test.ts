import { describe, expect, it } from "vitest";
import { initWeights, type NetworkSpec, type NetworkWeights } from "./network-spec.ts";
import { createRng } from "./rng.ts";
import {
  MAX_URL_PARAMETERS,
  MAX_URL_PARAM_LENGTH,
  ModelFormatError,
  float16Bits,
  float16Value,
  fromJSON,
  fromUrlParam,
  toJSON,
  toUrlParam,
} from "./serialize.ts";

const playground: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "relu" },
    { units: 8, activation: "relu" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};

const classifier: NetworkSpec = {
  inputs: 3,
  layers: [
    { units: 5, activation: "leakyRelu" },
    { units: 4, activation: "tanh" },
    { units: 3, activation: "softmax" },
  ],
  loss: "categoricalCrossEntropy",
};

/** Seeded weights with non-zero biases, so that biases are checked too. */
function trained(spec: NetworkSpec, seed: number): NetworkWeights {
  const rng = createRng(seed + 1000);
  return initWeights(spec, seed).map((w) => ({
    kernel: w.kernel,
    bias: w.bias.map(() => rng.uniform(-1, 1)),
  }));
}

function flat(weights: NetworkWeights): number[] {
  return weights.flatMap((w) => [...w.kernel, ...w.bias]);
}

/** A saved model as a plain mutable object, for tests that break it on purpose. */
interface LooseSaved {
  [key: string]: unknown;
  spec: { layers: unknown[] };
  weights: { kernel: unknown[] }[];
}

function savedCopy(): LooseSaved {
  return JSON.parse(JSON.stringify(toJSON(playground, trained(playground, 1)))) as LooseSaved;
}

describe("toJSON / fromJSON", () => {
  it("round-trips every float64 digit, through JSON text as well", () => {
    const weights = trained(classifier, 5);
    weights[0]?.kernel.set([Math.PI, -1e-300, 1.7976931348623157e308, 5e-324]);
    const text = JSON.stringify(toJSON(classifier, weights));
    const restored = fromJSON(JSON.parse(text));
    expect(restored.spec).toEqual(classifier);
    expect(restored.weights).toHaveLength(3);
    expect(restored.weights[0]?.kernel).toBeInstanceOf(Float64Array);
    expect(flat(restored.weights)).toEqual(flat(weights));
    expect(flat(fromJSON(text).weights)).toEqual(flat(weights));
  });

  it("writes plain JSON with the format, version and row-major kernels", () => {
    const saved = toJSON(playground, trained(playground, 2));
    expect(saved.format).toBe("neuronlab-model");
    expect(saved.version).toBe(1);
    expect(saved.weights.map((w) => [w.kernel.length, w.bias.length])).toEqual([
      [16, 8],
      [64, 8],
      [8, 1],
    ]);
    expect(Array.isArray(saved.weights[0]?.kernel)).toBe(true);
  });

  it("refuses to write weights that do not fit the spec or are not finite", () => {
    const weights = trained(playground, 3);
    expect(() => toJSON(playground, weights.slice(0, 2))).toThrow(/3 layers.*for 2/);
    const nan = trained(playground, 3);
    nan[1]?.bias.fill(NaN, 4, 5);
    expect(() => toJSON(playground, nan)).toThrow(/Layer 2 bias\[4\] is NaN/);
  });

  it("rejects a file of another format or version with one plain sentence", () => {
    expect(() => fromJSON({ ...savedCopy(), format: "keras" })).toThrow(
      /not a Neuronlab model.*"keras"/,
    );
    expect(() => fromJSON({ ...savedCopy(), version: 2 })).toThrow(/Unsupported model version 2/);
    expect(() => fromJSON([1, 2])).toThrow(/JSON object; found an array/);
    expect(() => fromJSON("{not json")).toThrow(/not valid JSON/);
    expect(() => fromJSON(null)).toThrow(ModelFormatError);
  });

  it("rejects a kernel whose length does not match the spec", () => {
    const saved = savedCopy();
    saved.weights[1]?.kernel.pop();
    expect(() => fromJSON(saved)).toThrow(
      /Layer 2 maps 8 inputs to 8 units, so its kernel needs 64 numbers, not 63/,
    );
    const missingLayer = savedCopy();
    missingLayer.weights.pop();
    expect(() => fromJSON(missingLayer)).toThrow(/3 layers but there are weights for 2/);
  });

  it("rejects NaN and Infinity, written as strings or smuggled in as numbers", () => {
    for (const bad of ["NaN", "Infinity", NaN, -Infinity, null]) {
      const saved = savedCopy();
      saved.weights[0]?.kernel.splice(3, 1, bad);
      expect(() => fromJSON(saved)).toThrow(/weights\[0\]\.kernel\[3\]: Expected a finite number/);
    }
  });

  it("rejects extra keys anywhere", () => {
    expect(() => fromJSON({ ...savedCopy(), note: "hi" })).toThrow(/Unrecognized key.*note/);
    const inLayer = savedCopy();
    Object.assign(inLayer.weights[0] ?? {}, { gamma: [] });
    expect(() => fromJSON(inLayer)).toThrow(/weights\[0\].*gamma/);
    const inSpec = savedCopy();
    Object.assign(inSpec.spec, { optimizer: "sgd" });
    expect(() => fromJSON(inSpec)).toThrow(/spec.*optimizer/);
  });

  it("applies the spec's own rules, such as softmax only on the output layer", () => {
    const saved = savedCopy();
    saved.spec.layers[0] = { units: 8, activation: "softmax" };
    expect(() => fromJSON(saved)).toThrow(/spec\.layers\[0\]: Softmax belongs on the output layer/);
  });

  it("reports the first few of many problems, not thousands", () => {
    const saved = savedCopy();
    saved.weights[1]?.kernel.fill("x");
    const message = (() => {
      try {
        fromJSON(saved);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/and 59 more problem/);
    expect(message.length).toBeLessThan(600);
  });
});

/** base64url of raw bytes, independently of the code under test. */
function link(...bytes: number[]): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** CRC-16/CCITT-FALSE, bit by bit from its definition. */
function crc16(bytes: readonly number[]): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    for (let bit = 7; bit >= 0; bit--) {
      const top = ((crc >> 15) & 1) ^ ((byte >> bit) & 1);
      crc = ((crc << 1) & 0xffff) ^ (top ? 0x1021 : 0);
    }
  }
  return crc;
}

function withCrc(bytes: readonly number[]): number[] {
  const crc = crc16(bytes);
  return [...bytes, crc >> 8, crc & 0xff];
}

describe("toUrlParam / fromUrlParam", () => {
  it("uses the standard CRC-16/CCITT-FALSE (check value 0x29B1)", () => {
    expect(crc16(Array.from(new TextEncoder().encode("123456789")))).toBe(0x29b1);
  });

  it("round-trips at float32 within float32 precision", () => {
    const weights = trained(classifier, 7);
    const restored = fromUrlParam(toUrlParam(classifier, weights));
    expect(restored.precision).toBe("float32");
    expect(restored.spec).toEqual(classifier);
    const original = flat(weights);
    flat(restored.weights).forEach((x, i) => {
      const y = original[i] ?? NaN;
      expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-7 * Math.abs(y));
    });
  });

  it("round-trips at float16 within a relative 1e-3", () => {
    const weights = trained(playground, 8);
    const restored = fromUrlParam(toUrlParam(playground, weights, { precision: "float16" }));
    expect(restored.precision).toBe("float16");
    expect(restored.spec).toEqual(playground);
    const original = flat(weights);
    flat(restored.weights).forEach((x, i) => {
      const y = original[i] ?? NaN;
      // Below 2^-14 halves are subnormal and only absolutely accurate, to half of 2^-24.
      expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-3 * Math.abs(y) + 2 ** -25);
    });
  });

  it("keeps simple values exact at float16", () => {
    const spec: NetworkSpec = {
      inputs: 3,
      layers: [{ units: 2, activation: "linear" }],
      loss: "mse",
    };
    const values = [0.5, -2, 0, 1, -0.25, 1024, 65504, 2 ** -24];
    const weights = [
      { kernel: Float64Array.from(values.slice(0, 6)), bias: Float64Array.from(values.slice(6)) },
    ];
    const restored = fromUrlParam(toUrlParam(spec, weights, { precision: "float16" }));
    expect(flat(restored.weights)).toEqual(values);
  });

  it("fits the playground's 2-8-8-1 net (105 parameters) in under 300 characters at float16", () => {
    const weights = trained(playground, 9);
    const half = toUrlParam(playground, weights, { precision: "float16" });
    const single = toUrlParam(playground, weights);
    // 11 header bytes + 105 × 2 weight bytes + 2 checksum bytes = 223 bytes → 298 characters.
    expect(half).toHaveLength(298);
    expect(half.length).toBeLessThan(300);
    // At float32: 11 + 420 + 2 = 433 bytes → 578 characters.
    expect(single).toHaveLength(578);
  });

  it("uses only URL-safe characters and no padding", () => {
    for (let seed = 0; seed < 5; seed++) {
      const param = toUrlParam(classifier, trained(classifier, seed), { precision: "float16" });
      expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(encodeURIComponent(param)).toBe(param);
    }
  });

  it("refuses networks over MAX_URL_PARAMETERS", () => {
    const big: NetworkSpec = {
      inputs: 40,
      layers: [
        { units: 50, activation: "relu" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    };
    expect(() => toUrlParam(big, initWeights(big, 1))).toThrow(
      new RegExp(`2101 parameters; a model link holds at most ${MAX_URL_PARAMETERS}`),
    );
  });

  it("refuses weights beyond float16's range rather than storing Infinity", () => {
    const spec: NetworkSpec = {
      inputs: 1,
      layers: [{ units: 1, activation: "linear" }],
      loss: "mse",
    };
    const weights = [{ kernel: Float64Array.of(70000), bias: Float64Array.of(0) }];
    expect(() => toUrlParam(spec, weights, { precision: "float16" })).toThrow(
      /kernel\[0\] = 70000 is beyond float16's range/,
    );
    expect(fromUrlParam(toUrlParam(spec, weights)).weights[0]?.kernel[0]).toBe(70000);
  });

  it("rejects truncated, extended and mangled links with a reason", () => {
    const param = toUrlParam(playground, trained(playground, 10), { precision: "float16" });
    expect(() => fromUrlParam(param.slice(0, 200))).toThrow(
      /cut short: it needs 223 bytes and has 150/,
    );
    expect(() => fromUrlParam(param.slice(0, -4))).toThrow(ModelFormatError);
    expect(() => fromUrlParam(param.slice(0, 3))).toThrow(/cut short before/);
    expect(() => fromUrlParam(param + "AAAA")).toThrow(/3 unexpected byte/);
    expect(() => fromUrlParam(param.slice(0, -1))).toThrow(ModelFormatError);
    expect(() => fromUrlParam("")).toThrow(/empty/);
    expect(() => fromUrlParam(param.replace(/.$/, "="))).toThrow(/contains "=" at position 298/);
    expect(() => fromUrlParam(`${param.slice(0, 100)}+${param.slice(101)}`)).toThrow(
      /contains "\+"/,
    );
    expect(() => fromUrlParam("A".repeat(MAX_URL_PARAM_LENGTH + 4))).toThrow(/the limit is 65536/);
  });

  it("notices a changed character through the checksum", () => {
    const param = toUrlParam(playground, trained(playground, 11), { precision: "float16" });
    for (const at of [40, 150, 290]) {
      const ch = param[at] === "A" ? "B" : "A";
      const tampered = param.slice(0, at) + ch + param.slice(at + 1);
      expect(() => fromUrlParam(tampered)).toThrow(/checksum does not match/);
    }
  });

  it("reads a link written by hand to the documented layout", () => {
    // 1 input → 1 linear unit, mse, float16: weights 0.5 (0x3800) then -2 (0xC000).
    const body = [1, 1, 1, 1, 1, 0, 0, 0x00, 0x38, 0x00, 0xc0];
    const restored = fromUrlParam(link(...withCrc(body)));
    expect(restored.spec).toEqual({
      inputs: 1,
      layers: [{ units: 1, activation: "linear" }],
      loss: "mse",
    });
    expect(flat(restored.weights)).toEqual([0.5, -2]);
    // A checksum-valid link can still hold Infinity or NaN bit patterns; they never get through.
    expect(() => fromUrlParam(link(...withCrc([...body.slice(0, 9), 0x00, 0x7c])))).toThrow(
      /weight that is Infinity/,
    );
    expect(() => fromUrlParam(link(...withCrc([...body.slice(0, 9), 0x00, 0x7e])))).toThrow(
      /weight that is NaN/,
    );
  });

  it("checks header fields one by one", () => {
    // version, precision, inputs, layers, (units, activation), loss: then no weights.
    expect(() => fromUrlParam(link(2, 0, 1, 1, 1, 0, 0))).toThrow(/format version 2/);
    expect(() => fromUrlParam(link(1, 7, 1, 1, 1, 0, 0))).toThrow(/unknown precision code 7/);
    expect(() => fromUrlParam(link(1, 0, 1, 1, 1, 9, 0))).toThrow(/unknown activation code 9/);
    expect(() => fromUrlParam(link(1, 0, 1, 1, 1, 0, 5))).toThrow(/unknown loss code 5/);
    expect(() => fromUrlParam(link(1, 0, 0x80, 0x80, 0x80, 0x01))).toThrow(/malformed number/);
    expect(() => fromUrlParam(link(1, 0, 0x81, 0x00, 1, 1, 0, 0))).toThrow(/malformed number/);
    expect(() => fromUrlParam(link(1, 0, 1, 0, 0))).toThrow(/invalid network/);
    // Softmax on a hidden layer breaks the spec's own rule.
    expect(() => fromUrlParam(link(1, 0, 1, 2, 1, 5, 1, 0, 0))).toThrow(/Softmax belongs/);
    // 4096 inputs into 4096 units: a valid spec, but far too big for a link.
    expect(() => fromUrlParam(link(1, 0, 0x80, 0x20, 1, 0x80, 0x20, 0, 0))).toThrow(
      /16781312 parameters/,
    );
  });
});

describe("float16", () => {
  it("decodes and re-encodes every finite half to the same bits", () => {
    const mismatches: number[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue;
      if (float16Bits(float16Value(bits)) !== bits) mismatches.push(bits);
    }
    expect(mismatches).toEqual([]);
  });

  it("rounds halfway cases to even and anything past them up", () => {
    for (let bits = 1; bits < 0x7bff; bits += 37) {
      const low = float16Value(bits);
      const high = float16Value(bits + 1);
      const middle = (low + high) / 2;
      expect(float16Bits(middle)).toBe(bits % 2 === 0 ? bits : bits + 1);
      const nudge = (high - low) * 1e-6;
      expect(float16Bits(middle - nudge)).toBe(bits);
      expect(float16Bits(middle + nudge)).toBe(bits + 1);
    }
  });

  it("handles the extremes: max, subnormals, zero signs and overflow", () => {
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Value(0x7bff)).toBe(65504);
    // Past 65504, values round to it until the tie at 65520, which rounds (to even) to Infinity.
    expect(float16Bits(65519.99)).toBe(0x7bff);
    expect(float16Bits(65520)).toBe(0x7c00);
    expect(float16Bits(-1e9)).toBe(0xfc00);
    expect(float16Bits(Infinity)).toBe(0x7c00);
    expect(float16Value(0x7c00)).toBe(Infinity);
    // Smallest subnormal 2^-24 ≈ 5.96e-8; 6e-8 rounds to it, 2^-25 (a tie) rounds to zero.
    expect(float16Bits(6e-8)).toBe(0x0001);
    expect(float16Value(0x0001)).toBe(2 ** -24);
    expect(float16Bits(2 ** -25)).toBe(0x0000);
    expect(float16Bits(2 ** -25 * 1.0001)).toBe(0x0001);
    expect(float16Bits(1e-9)).toBe(0x0000);
    // The largest subnormal and the smallest normal meet without a gap.
    expect(float16Value(0x03ff)).toBe(1023 * 2 ** -24);
    expect(float16Bits(2 ** -14 - 2 ** -26)).toBe(0x0400);
    expect(float16Bits(-0)).toBe(0x8000);
    expect(Object.is(float16Value(0x8000), -0)).toBe(true);
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(1 / 3)).toBe(0x3555);
    expect(() => float16Bits(NaN)).toThrow(/NaN/);
    expect(float16Value(0x7e00)).toBeNaN();
  });
});
