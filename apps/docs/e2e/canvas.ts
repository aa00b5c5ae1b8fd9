import type { Locator } from "@playwright/test";

/** How many pixels of a canvas have an alpha of at least `minAlpha` (1 = painted at all). */
export function countOpaquePixels(canvas: Locator, minAlpha = 1): Promise<number> {
  return canvas.evaluate((node, threshold) => {
    const element = node as HTMLCanvasElement;
    const data = element.getContext("2d")?.getImageData(0, 0, element.width, element.height).data;
    let n = 0;
    for (let i = 3; i < (data?.length ?? 0); i += 4) if ((data?.[i] ?? 0) >= threshold) n++;
    return n;
  }, minAlpha);
}
