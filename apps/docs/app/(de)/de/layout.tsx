import type { ReactNode } from "react";
import { DocsShell, shellMetadata } from "@/docs-shell";
import "../../globals.css";

// German, under /de. Each language has a root layout of its own, so <html lang> is right.
const locale = "de";

export const generateMetadata = () => shellMetadata(locale);

export default function GermanLayout({ children }: { children: ReactNode }) {
  return <DocsShell locale={locale}>{children}</DocsShell>;
}
