"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "@/i18n/navigation";
import { useLearnerProgress } from "./use-progress";

/**
 * Merges this browser's anonymous progress and sends what waits in the outbox, then renders the
 * server's page again if that changed the account. It shows nothing itself.
 */
export function DashboardSync() {
  const router = useRouter();
  const { source, view } = useLearnerProgress();
  const first = useRef<typeof view | null>(null);
  useEffect(() => {
    if (source !== "account") return;
    if (first.current === null) {
      first.current = view;
      return;
    }
    if (view !== first.current) {
      first.current = view;
      router.refresh();
    }
  }, [source, view, router]);
  return null;
}
