import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:justify-between">
        <p>Neuronlab — learn how neural networks work by touching every idea.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/course" className="underline underline-offset-4">
            Course
          </Link>
          <a href="/api/health" className="underline underline-offset-4">
            Service status
          </a>
        </nav>
      </div>
    </footer>
  );
}
