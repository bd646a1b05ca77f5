import { withApiRoute } from "@/lib/auth/api-route";
import { listApiCities } from "@/lib/api/catalogue/list-catalogue";
import { listCitiesResponseSchema } from "@/lib/api/catalogue/schemas";
import { jsonResponse } from "@/lib/api/json-response";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withApiRoute("measure.read", async () => jsonResponse(listCitiesResponseSchema, await listApiCities(db)));
