import { defineAppE2EConfig } from "@neuronlab/config/playwright";

export default defineAppE2EConfig({
  port: 3101,
  command: "pnpm start",
  // At phone size: how each page and figure looks and whether it is accessible. How the figures
  // behave (keys, pointer, training) is the same at every size and runs once, at desktop size,
  // except what a tap does instead of a pointer (tagged @phone).
  phone: { grep: /looks right|axe-core|@phone/ },
});
