import { requireUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorResponse } from "@/http/errors";
import { requestLocale } from "@/i18n/request-locale";
import { putLessonProgress } from "@/progress/progress-api";

export const dynamic = "force-dynamic";

/** PUT `{ completedAt?, position? }`: the signed-in learner finished or is reading this lesson. */
export async function PUT(
  request: Request,
  { params }: RouteContext<"/api/progress/lessons/[slug]">,
): Promise<Response> {
  try {
    const learner = await requireUser();
    const { slug } = await params;
    const row = await putLessonProgress(slug, request, learner, getDb());
    return Response.json(row, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return await errorResponse(error, requestLocale(request.headers));
  }
}
