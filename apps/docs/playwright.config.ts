import { defineAppE2EConfig } from "@neuronlab/config/playwright";

export default defineAppE2EConfig({
  port: 3101,
  command: "pnpm start",
  // At phone size: how each page and figure looks and whether it is accessible. How the figures
  // behave (keys, pointer, training) is the same at every size and runs once, at desktop size,
  // except what a tap does instead of a pointer (tagged @phone). Colours do not depend on the
  // size, so the dark theme is checked at desktop size only.
  phone: { grep: /looks right|axe-core|@phone/, grepInvert: /dark theme/ },
});
