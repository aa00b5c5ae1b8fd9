"use client";

import Link from "next/link";
import { useLearnerProgress } from "./use-progress";

/** Says where the progress on the page is kept, and how to keep it across devices. */
export function ProgressSource() {
  const { source, known } = useLearnerProgress();
  if (source === "account") {
    return (
      <>
        Your progress is kept in your account:{" "}
        <Link href="/dashboard" className="font-medium text-accent underline underline-offset-4">
          see your dashboard
        </Link>
        .
      </>
    );
  }
  return (
    <>
      Your progress is kept in this browser.
      {known ? (
        <>
          {" "}
          <Link href="/sign-in" className="font-medium text-accent underline underline-offset-4">
            Sign in
          </Link>{" "}
          to keep it in an account, on every device.
        </>
      ) : null}
    </>
  );
}
