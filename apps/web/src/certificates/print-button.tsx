"use client";

/** Opens the browser's print dialog; not itself printed. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => {
        window.print();
      }}
      className="rounded-md border border-line bg-panel px-4 py-2 font-semibold print:hidden"
    >
      {label}
    </button>
  );
}
