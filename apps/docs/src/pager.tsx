"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { neighbours } from "./nav";

export function Pager() {
  const { previous, next } = neighbours(usePathname());
  return (
    <nav
      aria-label="Previous and next page"
      className="mt-12 flex justify-between gap-4 border-t border-line pt-6"
    >
      {previous ? (
        <Link href={previous.href} className="text-accent underline underline-offset-4">
          ← {previous.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={next.href} className="text-accent underline underline-offset-4">
          {next.title} →
        </Link>
      ) : null}
    </nav>
  );
}
