import { withApiRoute } from "@/lib/auth/api-route";
import { listApiUnits } from "@/lib/api/catalogue/list-catalogue";
import { listUnitsResponseSchema } from "@/lib/api/catalogue/schemas";
import { jsonResponse } from "@/lib/api/json-response";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withApiRoute("measure.read", async () => jsonResponse(listUnitsResponseSchema, await listApiUnits(db)));
