import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";

/** A Prisma client on this project's migrated test database. */
export function testDb() {
  return createPrismaClient(inject("databaseUrl"));
}

/** The fixed "today" of the seeded sample data in tests. */
export const SEED_NOW = new Date("2026-11-28T04:00:00Z");
