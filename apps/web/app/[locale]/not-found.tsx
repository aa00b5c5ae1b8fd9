import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-muted">There is nothing at this address.</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-accent underline underline-offset-4">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}
