import { expect, type Locator, type Page } from "@playwright/test";

/** The course's lessons, in order. */
export const LESSONS = [
  "introduction",
  "a-single-neuron",
  "activation-functions",
  "the-forward-pass",
  "measuring-error",
  "backpropagation-and-gradient-descent",
  "why-deep-works",
  "summary",
];

/** Console errors and uncaught exceptions on a page, collected from the moment it opens. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Scrolls every widget into view and waits until each has loaded its module and rendered. */
export async function loadEveryWidget(page: Page): Promise<number> {
  const widgets = page.locator("[data-widget]");
  const count = await widgets.count();
  for (let i = 0; i < count; i++) {
    await loadWidget(widgets.nth(i));
  }
  return count;
}

/** Scrolls one widget into view and waits until it has loaded its module and rendered. */
export async function loadWidget(widget: Locator): Promise<Locator> {
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-widget-ready", "true", { timeout: 30_000 });
  return widget;
}

/** Whether `target` is the element that has the keyboard focus. */
export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, and fails if it takes more than
 * `max` presses: proof that the keyboard reaches it, in the page's own tab order.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { max = 300, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<number> {
  await expect(target).toBeAttached();
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await isFocused(target)) return presses;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(
    `${String(max)} presses of Tab did not reach ${target.toString()}; at ${focused}`,
  );
}

/** The focused element shows a focus indicator: an outline (the site's :focus-visible ring). */
export async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const outline = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style, "the focused element has an outline").not.toBe("none");
  expect(outline.width).toBeGreaterThan(0);
}
