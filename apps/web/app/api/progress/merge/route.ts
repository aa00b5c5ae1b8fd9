import { requireUser } from "@/auth/session";
import { getDb } from "@/db";
import { gradingErrorResponse } from "@/http/retry-later";
import { requestLocale } from "@/i18n/request-locale";
import { postMerge } from "@/progress/progress-api";

export const dynamic = "force-dynamic";

/** POST the progress this browser kept before sign-in; merged into the account once. */
export async function POST(request: Request): Promise<Response> {
  try {
    const learner = await requireUser();
    const result = await postMerge(request, learner, getDb());
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return await gradingErrorResponse(error, requestLocale(request.headers));
  }
}
