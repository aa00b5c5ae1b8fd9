import { fileURLToPath } from "node:url";
import { defineVitestConfig } from "@neuronlab/config/vitest";

export default defineVitestConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
});
