import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { db } from "@/lib/db";
import { noticeDetailSchema, noticeIdParamsSchema } from "@/lib/notices/api-schemas";
import { getNotice } from "@/lib/notices/list-notices";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

/** One notice with its replies and decisions. */
export const GET = withApiRoute<{ id: string }>("notice.read", async (_request, { user, params }) => {
  const { id } = noticeIdParamsSchema.parse(params);
  return jsonResponse(noticeDetailSchema, await getNotice(db, user, id, todayInChina()));
});
