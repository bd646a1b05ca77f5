import { withApiRoute } from "@/lib/auth/api-route";
import { listApiUnits } from "@/lib/api/catalogue/list-catalogue";
import { listUnitsQuerySchema, listUnitsResponseSchema } from "@/lib/api/catalogue/schemas";
import { jsonResponse } from "@/lib/api/json-response";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Units, optionally searched: the unit pickers of the filter forms call this as the user types. */
export const GET = withApiRoute("measure.read", async (request) => {
  const query = listUnitsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return jsonResponse(listUnitsResponseSchema, await listApiUnits(db, query));
});
