import { revalidatePath } from "next/cache";
import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { readJsonBody } from "@/lib/api/read-json-body";
import { getReport } from "@/lib/reports/get-report";
import { listReports } from "@/lib/reports/list-reports";
import { saveReport } from "@/lib/reports/save-report";
import { createReportBodySchema, listReportsQuerySchema, listReportsResponseSchema, reportSchema } from "@/lib/reports/api-schemas";
import { db } from "@/lib/db";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

/** Progress reports the caller may read. */
export const GET = withApiRoute("measure.read", async (request, { user }) => {
  const query = listReportsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return jsonResponse(listReportsResponseSchema, await listReports(db, user, query));
});

/**
 * The caller's monthly report, saved or submitted through the measure page's own
 * use-case (unit scope, state machine, one report per month, audit).
 */
export const POST = withApiRoute("report.write", async (request, { user }) => {
  const input = createReportBodySchema.parse(await readJsonBody(request));
  const { reportId } = await saveReport(db, user, input, todayInChina());
  const report = await getReport(db, user, reportId);
  revalidatePath("/", "layout");
  return jsonResponse(reportSchema, report, { status: input.version === null ? 201 : 200 });
});
