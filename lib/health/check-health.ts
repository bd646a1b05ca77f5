import type { PrismaClient } from "@/lib/db/create-client";

export type Health =
  | { status: "ok"; db: "ok"; measures: number }
  | { status: "error"; db: "down" };

/** The primary's health, with the read replica's when one is configured: both must answer. */
export type ServiceHealth = (Health | { status: "error"; db: "ok"; measures: number }) & { replica?: "ok" | "down" };

export function withReplica(primary: Health, replica: Health | null): ServiceHealth {
  if (!replica) return primary;
  const status = primary.status === "ok" && replica.status === "ok" ? "ok" : "error";
  return { ...primary, status, replica: replica.db } as ServiceHealth;
}

/** Counts measures; any failure to reach the database reports it as down. */
export async function checkHealth(db: PrismaClient, { timeoutMs = 5_000 } = {}): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database health check timed out")), timeoutMs);
  });
  try {
    const measures = await Promise.race([db.measure.count(), timeout]);
    return { status: "ok", db: "ok", measures };
  } catch {
    return { status: "error", db: "down" };
  } finally {
    clearTimeout(timer);
  }
}
