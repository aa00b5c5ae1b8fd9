import { requireUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorResponse } from "@/http/errors";
import { downloadResponse, exportMyData } from "@/progress/my-data";

export const dynamic = "force-dynamic";

/** Everything the platform holds about the signed-in learner, as a JSON download. */
export async function GET(): Promise<Response> {
  try {
    const learner = await requireUser();
    return downloadResponse(await exportMyData(learner, getDb()));
  } catch (error) {
    return errorResponse(error);
  }
}
