// Flat ESLint config for the Next.js apps: react + Next's own rules (Core Web Vitals set).
import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";
import react from "./react.js";

export default tseslint.config(...react, {
  plugins: { "@next/next": nextPlugin },
  rules: {
    ...nextPlugin.configs.recommended.rules,
    ...nextPlugin.configs["core-web-vitals"].rules,
  },
});
