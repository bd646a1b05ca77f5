import { NextResponse } from "next/server";
import { db, hasReadReplica, readDb } from "@/lib/db";
import { checkHealth, withReplica } from "./check-health";

/**
 * The health answer of /api/health and /api/v1/health: 200 when the database
 * (and the read replica, when DATABASE_READ_URL names one) answers, else 503.
 */
export async function healthResponse(): Promise<NextResponse> {
  const [primary, replica] = await Promise.all([checkHealth(db), hasReadReplica() ? checkHealth(readDb) : null]);
  const health = withReplica(primary, replica);
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
