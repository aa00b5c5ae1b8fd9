import { requireUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorResponse } from "@/http/errors";
import { requestLocale } from "@/i18n/request-locale";
import { downloadResponse, exportMyData } from "@/progress/my-data";

export const dynamic = "force-dynamic";

/** Everything the platform holds about the signed-in learner, as a JSON download. */
export async function GET(request: Request): Promise<Response> {
  try {
    const learner = await requireUser();
    return downloadResponse(await exportMyData(learner, getDb()));
  } catch (error) {
    return await errorResponse(error, requestLocale(request.headers));
  }
}
