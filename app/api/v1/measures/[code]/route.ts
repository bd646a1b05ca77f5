import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { getMeasure } from "@/lib/measures/get-measure-json";
import { measureCodeParamsSchema, measureDetailSchema } from "@/lib/measures/api-schemas";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** One measure by code. */
export const GET = withApiRoute<{ code: string }>("measure.read", async (_request, { params }) => {
  const { code } = measureCodeParamsSchema.parse(params);
  return jsonResponse(measureDetailSchema, await getMeasure(db, code));
});
