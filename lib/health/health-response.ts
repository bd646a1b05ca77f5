import { NextResponse } from "next/server";
import { db, hasReadReplica, readDb } from "@/lib/db";
import { retryAfterOf } from "@/lib/errors/map-error";
import { checkHealth, withReplica } from "./check-health";
import { checkReady } from "./check-ready";

/**
 * The health answer of /api/health and /api/v1/health: 200 when the database
 * (and the read replica, when DATABASE_READ_URL names one) answers, else 503.
 */
export async function healthResponse(): Promise<NextResponse> {
  const [primary, replica] = await Promise.all([checkHealth(db), hasReadReplica() ? checkHealth(readDb) : null]);
  const health = withReplica(primary, replica);
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(health.status === "ok" ? {} : { "Retry-After": String(retryAfterOf("DB_UNAVAILABLE")) }) },
  });
}

/**
 * /api/health/ready: 200 when the database answers with every migration of this
 * build applied (and the read replica answers, when there is one), else 503 with
 * Retry-After: a load balancer sends no traffic until it is ready.
 */
export async function readinessResponse(): Promise<NextResponse> {
  const [primary, replica] = await Promise.all([checkReady(db), hasReadReplica() ? checkHealth(readDb) : null]);
  const ready = primary.status === "ok" && (!replica || replica.status === "ok");
  const body = { ...primary, status: ready ? "ok" : "error", ...(replica ? { replica: replica.db } : {}) };
  return NextResponse.json(body, {
    status: ready ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(ready ? {} : { "Retry-After": String(retryAfterOf("DB_UNAVAILABLE")) }) },
  });
}
