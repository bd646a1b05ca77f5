import type { PrismaClient } from "@/lib/db/create-client";
import { seedCatalogue } from "./seed-catalogue";
import { seedSampleReports } from "./seed-sample-reports";
import { seedDemoUsers } from "./seed-users";

/**
 * The catalogue and its sample data in one transaction: a failure leaves the
 * database as it was. Idempotent: only missing rows are added, nothing is
 * overwritten. The demo accounts (with their published password) only with
 * `demo: true`, i.e. in demo mode; a real database gets its first admin from
 * lib/demo/first-admin instead.
 */
export async function seedAll(db: PrismaClient, { now = new Date(), demo = true }: { now?: Date; demo?: boolean } = {}) {
  return db.$transaction(
    async (tx) => {
      const createdMeasures = await seedCatalogue(tx, now);
      if (demo) await seedDemoUsers(tx);
      const sampleReports = await seedSampleReports(tx, createdMeasures, now);
      return { createdMeasures: createdMeasures.length, sampleReports };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
