import wasmUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreadedSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import { describe, it } from "vitest";
import type { BackendOptions, TensorBackend } from "./backends.ts";
import { equivalenceCases, expectSameTraining } from "./testing/equivalence-cases.ts";

const wasmPaths: BackendOptions["wasmPaths"] = {
  "tfjs-backend-wasm.wasm": wasmUrl,
  "tfjs-backend-wasm-simd.wasm": wasmSimdUrl,
  "tfjs-backend-wasm-threaded-simd.wasm": wasmThreadedSimdUrl,
};

// WebGPU runs on SwiftShader here (see CHROMIUM_ARGS); WebGL on SwiftShader's GL.
const backends: TensorBackend[] = ["webgpu", "webgl", "wasm", "cpu"];

describe.each(backends)("tensor engine on %s in Chromium", (backend) => {
  for (const c of equivalenceCases) {
    it(`${c.name}: same outputs as the glass-box network and same weights as the fused kernel after 30 steps`, async () => {
      await expectSameTraining(c, { backend, backendOptions: { wasmPaths } });
    });
  }
});
