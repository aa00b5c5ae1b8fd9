// Flat ESLint config for React component packages: base + hooks + accessibility of JSX.
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import base from "./base.js";

export default tseslint.config(...base, jsxA11y.flatConfigs.strict, {
  files: ["**/*.tsx", "**/*.ts"],
  plugins: { "react-hooks": reactHooks },
  rules: reactHooks.configs.recommended.rules,
});
