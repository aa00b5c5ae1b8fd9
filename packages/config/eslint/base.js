// Flat ESLint config for every TypeScript workspace. A consumer's eslint.config.js is one line:
//   export { default } from "@neuronlab/config/eslint/base";
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export const ignores = {
  ignores: [
    "**/node_modules/**",
    "**/.next/**",
    "**/.turbo/**",
    "**/dist/**",
    "**/reports/**",
    "**/test-results/**",
    "**/playwright-report/**",
    "**/next-env.d.ts",
  ],
};

export default tseslint.config(
  ignores,
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs"] },
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // Hot loops over typed arrays read `a[i] as number` (noUncheckedIndexedAccess); this rule
      // would turn those into `!`, which no-non-null-assertion forbids.
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
      eqeqeq: ["error", "always"],
      "no-console": ["warn", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Scripts run from the command line (benchmarks, reports) print their results.
    files: ["**/scripts/**", "**/*.bench.ts"],
    rules: { "no-console": "off" },
  },
  prettier,
);
