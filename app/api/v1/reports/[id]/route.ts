import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { getReport } from "@/lib/reports/get-report";
import { reportIdParamsSchema, reportSchema } from "@/lib/reports/api-schemas";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** One progress report the caller may read. */
export const GET = withApiRoute<{ id: string }>("measure.read", async (_request, { user, params }) => {
  const { id } = reportIdParamsSchema.parse(params);
  return jsonResponse(reportSchema, await getReport(db, user, id));
});
