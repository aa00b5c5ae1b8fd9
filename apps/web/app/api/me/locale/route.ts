import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorResponse } from "@/http/errors";
import { requestLocale } from "@/i18n/request-locale";
import { setMyLocale } from "@/progress/my-data";

export const dynamic = "force-dynamic";

/** PUT `{ locale }`: keeps the signed-in learner's chosen language on their account. */
export async function PUT(request: Request): Promise<Response> {
  try {
    const result = await setMyLocale(request, await getSessionUser(), getDb());
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return await errorResponse(error, requestLocale(request.headers));
  }
}
