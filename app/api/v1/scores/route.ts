import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { readDb } from "@/lib/db";
import { computeUnitScores } from "@/lib/scoring/compute-unit-scores";
import { defaultScoreMonth, scopeOf, scoresJson, scoresQuerySchema, scoresResponseSchema } from "@/lib/scoring/schemas";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

/** The month's unit scores and ranking, with each score's breakdown. */
export const GET = withApiRoute("score.read", async (request) => {
  const query = scoresQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const month = query.month ?? defaultScoreMonth(todayInChina());
  const scores = await computeUnitScores(readDb, { month, scope: scopeOf(query) });
  return jsonResponse(scoresResponseSchema, scoresJson(scores));
});
