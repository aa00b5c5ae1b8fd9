import { defineVitestConfig } from "@neuronlab/config/vitest";

export default defineVitestConfig();
