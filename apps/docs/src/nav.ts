/** The docs' table of contents, in reading order. Each entry is a page under app/. */
export interface DocPage {
  href: "/" | `/${string}`;
  title: string;
}

export const docPages: readonly DocPage[] = [
  { href: "/", title: "What Neuronlab is" },
  { href: "/repository-layout", title: "Repository layout" },
  { href: "/running-it", title: "Running it" },
  { href: "/writing-lessons", title: "Writing lessons" },
  { href: "/adding-a-language", title: "Adding a language" },
  { href: "/educators-guide", title: "An educator's guide" },
  { href: "/gallery", title: "Figure gallery" },
];

/** The page before and after `href`, for the links at the bottom of each page. */
export function neighbours(href: string): { previous?: DocPage; next?: DocPage } {
  const index = docPages.findIndex((page) => page.href === href);
  if (index === -1) return {};
  const previous = docPages[index - 1];
  const next = docPages[index + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
