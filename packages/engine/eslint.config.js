import base from "@neuronlab/config/eslint/base";

export default [
  // AssemblyScript, not TypeScript: compiled by scripts/wasm.ts, checked by its compiler.
  { ignores: ["assembly/**"] },
  ...base,
];
