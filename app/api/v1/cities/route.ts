import { withApiRoute } from "@/lib/auth/api-route";
import { listApiCities } from "@/lib/units/list-units-and-cities";
import { listCitiesResponseSchema } from "@/lib/units/api-schemas";
import { jsonResponse } from "@/lib/api/json-response";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withApiRoute("measure.read", async () => jsonResponse(listCitiesResponseSchema, await listApiCities(db)));
