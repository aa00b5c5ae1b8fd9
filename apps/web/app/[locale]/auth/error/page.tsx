import type { Metadata } from "next";
import Link from "next/link";
import { ownEntry } from "@/http/lookup";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

/** next-auth's error codes, said for people. */
const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: "This sign-in link no longer works",
    body: "It has expired or has already been used. Each link works once, within 10 minutes of being sent.",
  },
  AccessDenied: {
    title: "Sign-in refused",
    body: "This account cannot sign in here. If you think it should, contact the course team.",
  },
  OAuthAccountNotLinked: {
    title: "Use the way you signed in before",
    body: "That email address already has an account with another way of signing in.",
  },
  Configuration: {
    title: "Sign-in is not available",
    body: "Something is wrong with the sign-in set-up on our side. Try again later.",
  },
};

const FALLBACK = {
  title: "Sign-in did not finish",
  body: "Something went wrong while signing you in. Ask for a new link and try again.",
};

export default async function AuthErrorPage({ searchParams }: PageProps<"/auth/error">) {
  const { error } = await searchParams;
  const code = Array.isArray(error) ? error[0] : error;
  const { title, body } = ownEntry(MESSAGES, code) ?? FALLBACK;
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-4">{body}</p>
      <p className="mt-6">
        <Link
          href="/sign-in"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
        >
          Get a new link
        </Link>
      </p>
    </div>
  );
}
