import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { db } from "@/lib/db";
import { listNoticesQuerySchema, listNoticesResponseSchema } from "@/lib/notices/api-schemas";
import { listNotices } from "@/lib/notices/list-notices";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

/** Notices (cuiban) the caller may read (officials: those addressed to their unit). */
export const GET = withApiRoute("notice.read", async (request, { user }) => {
  const query = listNoticesQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return jsonResponse(listNoticesResponseSchema, await listNotices(db, user, query, todayInChina()));
});
