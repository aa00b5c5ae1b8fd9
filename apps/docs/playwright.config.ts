import { defineAppE2EConfig } from "@neuronlab/config/playwright";

export default defineAppE2EConfig({ port: 3101, command: "pnpm start" });
