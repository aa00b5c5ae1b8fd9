import react from "@neuronlab/config/eslint/react";

export default [
  ...react,
  {
    // Lessons' schemas run in the browser under a strict CSP: zod comes configured from the
    // engine (no eval probe), never straight from the package.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "zod",
              message: 'Import { z } from "@neuronlab/engine/schema" (zod without eval).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];
