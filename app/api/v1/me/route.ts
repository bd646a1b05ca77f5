import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { meSchema } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** Who the caller is, as the server sees it: role and unit come from the database. */
export const GET = withApiRoute("measure.read", async (_request, { user }) =>
  jsonResponse(meSchema, { loginName: user.loginName, displayName: user.displayName, role: user.role, unitId: user.unitId }),
);
