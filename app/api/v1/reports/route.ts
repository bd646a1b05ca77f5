import { revalidatePath } from "next/cache";
import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { readJsonBody } from "@/lib/api/read-json-body";
import { createReport } from "@/lib/api/reports/create-report";
import { listReports } from "@/lib/api/reports/list-reports";
import { createReportBodySchema, listReportsQuerySchema, listReportsResponseSchema, reportSchema } from "@/lib/api/reports/schemas";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Progress reports the caller may read. */
export const GET = withApiRoute("measure.read", async (request, { user }) => {
  const query = listReportsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return jsonResponse(listReportsResponseSchema, await listReports(db, user, query));
});

/** The caller's monthly report, saved or submitted: the same use-case and checks as the measure page form. */
export const POST = withApiRoute("report.write", async (request, { user }) => {
  const input = createReportBodySchema.parse(await readJsonBody(request));
  const report = await createReport(db, user, input);
  revalidatePath("/", "layout");
  return jsonResponse(reportSchema, report, { status: input.version === null ? 201 : 200 });
});
