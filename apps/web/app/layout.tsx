import type { ReactNode } from "react";

/**
 * Every page lives under app/[locale]/, whose layout renders <html lang>. This root layout only
 * passes through, so the language's layout is the document's.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
