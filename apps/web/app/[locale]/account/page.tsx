import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { DeleteAccountForm } from "@/progress/delete-account-form";

export const metadata: Metadata = { title: "Your account and data" };
// Per learner, from the session: never prerendered (a build has no database to ask).
export const dynamic = "force-dynamic";

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!user) {
    const { deleted } = await searchParams;
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-3xl font-bold tracking-tight">Your account and data</h1>
        {deleted === "1" ? (
          <p role="status" className="mt-4 rounded-lg border border-line bg-panel p-4">
            Your account and everything in it have been deleted, and you are signed out.
          </p>
        ) : (
          <p className="mt-4">
            <Link
              href="/sign-in?callbackUrl=%2Faccount"
              className="font-semibold text-accent underline underline-offset-4"
            >
              Sign in
            </Link>{" "}
            to download your data or delete your account.
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/dashboard" className="underline underline-offset-4">
          Your progress
        </Link>{" "}
        / Account
      </nav>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Your account and data</h1>
      <p className="mt-2 text-muted">
        Signed in as <span className="font-medium text-ink">{user.email}</span>.
      </p>

      <section
        aria-labelledby="download"
        className="mt-8 rounded-xl border border-line bg-panel p-5"
      >
        <h2 id="download" className="text-lg font-semibold">
          Download your data
        </h2>
        <p className="mt-1">
          One JSON file with everything Neuronlab keeps about you: your account, your progress in
          each lesson, every answer you gave and its result, and your groups.
        </p>
        <a
          href="/api/me/export"
          download
          className="mt-4 inline-block rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
        >
          Download my data (JSON)
        </a>
      </section>

      <section
        aria-labelledby="delete"
        className="mt-8 rounded-xl border border-[var(--viz-negative)] p-5"
      >
        <h2 id="delete" className="text-lg font-semibold">
          Delete your account
        </h2>
        <p className="mt-1">
          This deletes your account and everything in it for good: your progress, your answers, the
          groups you run and your memberships. You are signed out on every device. It cannot be
          undone; download your data first if you want to keep it.
        </p>
        <DeleteAccountForm email={user.email} userId={user.id} />
      </section>
    </div>
  );
}
