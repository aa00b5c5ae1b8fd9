import { requireUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorResponse } from "@/http/errors";
import { requestLocale } from "@/i18n/request-locale";
import { deleteMyAccount, expiredSessionCookies } from "@/progress/my-data";

export const dynamic = "force-dynamic";

/**
 * POST `{ confirmEmail }`: deletes the signed-in learner's account and everything of theirs. Their
 * sessions go with it, so they are signed out on every device.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const learner = await requireUser();
    const result = await deleteMyAccount(request, learner, getDb());
    const headers = new Headers({ "Cache-Control": "no-store" });
    for (const cookie of expiredSessionCookies()) headers.append("Set-Cookie", cookie);
    return Response.json(result, { headers });
  } catch (error) {
    return await errorResponse(error, requestLocale(request.headers));
  }
}
