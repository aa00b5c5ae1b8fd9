import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { errorResponse } from "@/http/errors";
import { requestLocale } from "@/i18n/request-locale";
import { getProgress } from "@/progress/progress-api";
import type { ProgressResponse } from "@/progress/progress-view";

export const dynamic = "force-dynamic";

/**
 * The signed-in learner's own progress, or `{ signedIn: false }`: pages ask this to learn whose
 * progress to show, so an anonymous visitor gets a plain answer, not an error.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const db = maybeDb();
    const learner = db ? await getSessionUser() : null;
    const body: ProgressResponse =
      learner && db ? await getProgress(learner, db) : { signedIn: false };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return await errorResponse(error, requestLocale(request.headers));
  }
}
