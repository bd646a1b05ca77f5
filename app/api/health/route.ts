import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and operators poll it without a session.
export async function GET() {
  const health = await checkHealth(db);
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
