import { NextResponse } from "next/server";
import { withApiRoute } from "@/lib/auth/api-route";
import { openApiDocument } from "@/lib/api/openapi-document";

export const dynamic = "force-dynamic";

/** The OpenAPI 3 document of /api/v1, generated from the routes' zod schemas. */
export const GET = withApiRoute("measure.read", async () => NextResponse.json(openApiDocument()));
