import type { ReactNode } from "react";
import { DocsShell, shellMetadata } from "@/docs-shell";
import "../globals.css";

// English, the source language, at the site's root. Each language has a root layout of its own.
const locale = "en";

export const generateMetadata = () => shellMetadata(locale);

export default function EnglishLayout({ children }: { children: ReactNode }) {
  return <DocsShell locale={locale}>{children}</DocsShell>;
}
