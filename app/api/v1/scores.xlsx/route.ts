import { contentDisposition } from "@/lib/api/content-disposition";
import { withApiRoute } from "@/lib/auth/api-route";
import { readDb } from "@/lib/db";
import { computeUnitScores } from "@/lib/scoring/compute-unit-scores";
import { defaultScoreMonth, scopeOf, scoresQuerySchema } from "@/lib/scoring/schemas";
import { scoresExportLabels, scoresXlsx } from "@/lib/scoring/scores-xlsx";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

/** The month's ranking and the breakdown of every score, as an Excel workbook. */
export const GET = withApiRoute("score.read", async (request) => {
  const query = scoresQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const month = query.month ?? defaultScoreMonth(todayInChina());
  const [scores, labels] = await Promise.all([computeUnitScores(readDb, { month, scope: scopeOf(query) }), scoresExportLabels()]);
  return new Response(new Uint8Array(await scoresXlsx(scores, labels)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(`${labels.file}-${month}.xlsx`, `scores-${month}.xlsx`),
      "Cache-Control": "no-store",
    },
  });
});
