import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { gradingErrorResponse } from "@/http/retry-later";
import { requestLocale } from "@/i18n/request-locale";
import { localizeGrade } from "@/lessons/localize-grade";
import { postAttempt } from "@/progress/progress-api";

export const dynamic = "force-dynamic";

/**
 * POST an answer (`{ attemptId, answer }`): graded here and the result returned, its feedback and
 * explanation in the request's language (Accept-Language); for a signed-in learner the attempt
 * is also stored, once per attempt id.
 */
export async function POST(
  request: Request,
  { params }: RouteContext<"/api/exercises/[id]/attempts">,
): Promise<Response> {
  try {
    const { id } = await params;
    const db = maybeDb();
    // Without a database there are no accounts: every visitor is graded anonymously.
    const learner = db ? await getSessionUser() : null;
    const result = await postAttempt(id, request, learner, db);
    return Response.json(await localizeGrade(result, requestLocale(request.headers)), {
      headers: { "Cache-Control": "no-store" },
    });
  } catch (error) {
    return await gradingErrorResponse(error, requestLocale(request.headers));
  }
}
