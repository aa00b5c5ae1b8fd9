/** The look of a cohort form's fields. */
export const inputClass =
  "mt-1 block w-full rounded-md border border-line bg-canvas px-3 py-2 text-ink focus:outline-none focus-visible:ring-2 focus-visible:ring-accent";
export const labelClass = "mt-3 block text-sm font-medium";
