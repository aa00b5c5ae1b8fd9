import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/auth/session";
import { SignOutButton } from "@/auth/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const user = await getSessionUser();
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Sign out</h1>
      {user ? (
        <>
          <p className="mt-4">
            You are signed in as <span className="font-medium">{user.name ?? user.email}</span>.
            Signing out ends this session; your progress stays in your account.
          </p>
          <SignOutButton className="mt-6 rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90" />
        </>
      ) : (
        <>
          <p className="mt-4">You are signed out.</p>
          <p className="mt-6 flex flex-wrap gap-4">
            <Link href="/course" className="font-semibold text-accent underline underline-offset-4">
              Go to the course
            </Link>
            <Link
              href="/sign-in"
              className="font-semibold text-accent underline underline-offset-4"
            >
              Sign in again
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
