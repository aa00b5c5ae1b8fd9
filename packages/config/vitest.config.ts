import { defineVitestConfig } from "./src/vitest.ts";

export default defineVitestConfig();
