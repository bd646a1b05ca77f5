import { withApiRoute } from "@/lib/auth/api-route";
import { listApiUnits } from "@/lib/units/list-units-and-cities";
import { listUnitsQuerySchema, listUnitsResponseSchema } from "@/lib/units/api-schemas";
import { jsonResponse } from "@/lib/api/json-response";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Units, optionally searched: the unit pickers of the filter forms call this as the user types. */
export const GET = withApiRoute("measure.read", async (request) => {
  const query = listUnitsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return jsonResponse(listUnitsResponseSchema, await listApiUnits(db, query));
});
