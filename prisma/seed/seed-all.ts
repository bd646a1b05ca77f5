import type { PrismaClient } from "@/lib/db/create-client";
import { seedCatalogue } from "./seed-catalogue";
import { seedSampleReports } from "./seed-sample-reports";
import { seedDemoUsers } from "./seed-users";

/**
 * The whole demo dataset in one transaction: a failure leaves the database as
 * it was. Idempotent: only missing rows are added, nothing is overwritten.
 */
export async function seedAll(db: PrismaClient, { now = new Date() } = {}) {
  return db.$transaction(
    async (tx) => {
      const createdMeasures = await seedCatalogue(tx, now);
      await seedDemoUsers(tx);
      const sampleReports = await seedSampleReports(tx, createdMeasures, now);
      return { createdMeasures: createdMeasures.length, sampleReports };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
