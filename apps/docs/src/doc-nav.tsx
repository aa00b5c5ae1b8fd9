"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { docPages } from "./nav";

export function DocNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Documentation">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 md:flex-col md:gap-1">
        {docPages.map((page) => {
          const current = pathname === page.href;
          // A section page (e.g. one figure of the gallery) highlights its section without
          // claiming to be it.
          const inSection = !current && page.href !== "/" && pathname.startsWith(`${page.href}/`);
          return (
            <li key={page.href}>
              <Link
                href={page.href}
                aria-current={current ? "page" : inSection ? "true" : undefined}
                className={`block rounded-md py-1 md:px-2 ${current || inSection ? "font-semibold text-accent" : "text-ink hover:underline"}`}
              >
                {page.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
