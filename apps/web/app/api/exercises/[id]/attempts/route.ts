import { errorResponse } from "@/http/errors";
import { gradeRequest } from "@/lessons/grade-request";

export const dynamic = "force-dynamic";

/** POST an answer (`{ attemptId, answer }`); the answer is graded here and the result returned. */
export async function POST(
  request: Request,
  { params }: RouteContext<"/api/exercises/[id]/attempts">,
): Promise<Response> {
  try {
    const { id } = await params;
    const result = await gradeRequest(id, request);
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
