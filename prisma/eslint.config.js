import base from "@neuronlab/config/eslint/base";

export default [
  // Written by `prisma generate` (git-ignored).
  { ignores: ["generated/**"] },
  ...base,
];
