import type { ReactNode } from "react";
import { Link } from "./navigation";

/** A message's `<link>…</link>` as the link to the course, in the page's language. */
export function courseLink(chunks: ReactNode) {
  return (
    <Link href="/course" className="font-medium text-accent underline underline-offset-4">
      {chunks}
    </Link>
  );
}
