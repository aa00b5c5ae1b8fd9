import { accessSync, constants } from "node:fs";

/**
 * Where a system Chromium usually lives. Tests never download a browser: they drive the one the
 * machine has (Debian's `chromium` package on CI and on the project's machines).
 */
export const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
] as const;

export const MISSING_CHROMIUM_MESSAGE = [
  "No Chromium browser was found for the end-to-end tests.",
  "  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium",
  "  macOS:          install Google Chrome or Chromium",
  "  Anywhere:       set CHROMIUM_PATH=/path/to/chrome-or-chromium",
  `Looked in: ${CHROMIUM_CANDIDATES.join(", ")}`,
].join("\n");

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to test with: `CHROMIUM_PATH` when set (it must exist), else the first system
 * install found. Throws a message that says how to get one.
 */
export function findChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (path: string) => boolean = isExecutable,
): string {
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) {
    if (exists(explicit)) return explicit;
    throw new Error(`CHROMIUM_PATH is set to ${explicit}, which is not an executable file.`);
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => exists(candidate));
  if (!found) throw new Error(MISSING_CHROMIUM_MESSAGE);
  return found;
}

/** Flags that keep a headless Chromium quiet on a closed network and turn WebGPU on without a GPU. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  // WebGPU on SwiftShader (Vulkan on the CPU): navigator.gpu gets a real adapter on machines
  // without a GPU, so engine code paths for WebGPU are exercised in every test run.
  "--enable-unsafe-webgpu",
  "--enable-features=Vulkan",
  "--use-webgpu-adapter=swiftshader",
  "--enable-unsafe-swiftshader",
];
