import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-4">
        Accounts are not open yet. You do not need one to read the course: everything on Neuronlab
        is open to everyone.
      </p>
      <p className="mt-3 text-muted">
        When accounts open, you will sign in with a one-time link sent to your email address, and
        your progress will follow you from one device to another.
      </p>
      <p className="mt-6">
        <Link href="/course" className="font-semibold text-accent underline underline-offset-4">
          Go to the course
        </Link>
      </p>
    </div>
  );
}
