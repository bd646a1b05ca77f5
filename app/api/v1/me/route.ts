import { NextResponse } from "next/server";
import { withApiRoute } from "@/lib/auth/api-route";

export const dynamic = "force-dynamic";

/** Who the caller is, as the server sees it: role and unit come from the database. */
export const GET = withApiRoute("measure.read", async (_request, { user }) =>
  NextResponse.json({ loginName: user.loginName, displayName: user.displayName, role: user.role, unitId: user.unitId }),
);
