import { defineAppE2EConfig } from "@neuronlab/config/playwright";

// The production build (`next build`, run first by turbo) served by `next start` on its own port,
// so a developer's `pnpm dev` on :3000 never gets in the way.
export default defineAppE2EConfig({ port: 3100, command: "pnpm start", readyPath: "/api/health" });
