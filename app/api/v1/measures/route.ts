import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { listMeasures } from "@/lib/measures/list-measures-json";
import { listMeasuresQuerySchema, listMeasuresResponseSchema } from "@/lib/measures/api-schemas";
import { readDb } from "@/lib/db";
import { withViewer } from "@/lib/ledger/schemas";

export const dynamic = "force-dynamic";

/** Measures with the ledger's filters and paging. */
export const GET = withApiRoute("measure.read", async (request, { user }) => {
  const query = withViewer(listMeasuresQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)), user);
  return jsonResponse(listMeasuresResponseSchema, await listMeasures(readDb, query));
});
