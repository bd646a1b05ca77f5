import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedAll } from "@/prisma/seed/seed-all";
import { migrateDeploy } from "@/scripts/lib/prisma-cli.mjs";
import { fingerprint, generateProvinceData } from "@/scripts/bench/province-data";
import { createScratchDatabase, type ScratchDatabase } from "../setup/scratch-database";

// The generator of `npm run bench:seed` at a small size, on two fresh databases.
const volume = { units: 80, measures: 40, months: 6, users: 60, milestonesPerMeasure: 3 };
const databases: ScratchDatabase[] = [];
let passwordHash: string;

async function generate(seed: number) {
  const database = await createScratchDatabase(inject("databaseKind"), process.env.TEST_DATABASE_URL);
  databases.push(database);
  await migrateDeploy(database.url);
  const db = createPrismaClient(database.url);
  await seedAll(db, { now: new Date("2026-11-28T04:00:00Z") });
  const catalogue = { measures: await db.measure.count(), users: await db.user.count() };
  await db.$disconnect();
  const { counts } = await generateProvinceData(database.url, { seed, volume, passwordHash });
  return { url: database.url, counts, catalogue };
}

beforeAll(async () => {
  passwordHash = await hashPassword("Load-pass-2026");
});
afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("[BENCH] the province-wide data generator", () => {
  it("makes the volume asked for, and the same data for the same seed", async () => {
    const first = await generate(7);
    const second = await generate(7);
    expect(first.counts).toMatchObject({
      cities: 16,
      units: volume.units,
      users: first.catalogue.users + volume.users,
      measures: first.catalogue.measures + volume.measures,
    });
    const generated = first.counts.reports - (await reportsOfCatalogue(first.url));
    // Every past month is reported; this month about 70 % of measures have reported.
    expect(generated).toBeGreaterThanOrEqual(volume.measures * (volume.months - 1));
    expect(generated).toBeLessThan(volume.measures * volume.months);
    expect(second.counts).toEqual(first.counts);
    expect(await fingerprint(second.url)).toBe(await fingerprint(first.url));
  }, 300_000);

  it("makes different data for another seed, consistent with the workflow's rules", async () => {
    const other = await generate(8);
    expect(await fingerprint(other.url)).not.toBe(await fingerprint(databases[0]!.url));
    const db = createPrismaClient(other.url);
    try {
      const measures = await db.measure.findMany({ where: { code: { startsWith: "L." } }, include: { progressReports: true, cities: true, milestones: true } });
      expect(measures).toHaveLength(volume.measures);
      for (const measure of measures) {
        expect(measure.milestones).toHaveLength(volume.milestonesPerMeasure);
        expect(measure.cities.length).toBeGreaterThanOrEqual(1);
        const approved = measure.progressReports.filter((r) => r.state === "APPROVED").sort((a, b) => +b.period - +a.period);
        expect(measure.percentComplete).toBe(approved[0]?.percentComplete ?? 0);
        const latest = measure.progressReports.filter((r) => r.state !== "DRAFT").sort((a, b) => +b.period - +a.period)[0];
        expect(measure.latestReportState).toBe(latest?.state ?? null);
      }
      expect(new Set(measures.map((m) => m.percentComplete)).size).toBeGreaterThan(10);
    } finally {
      await db.$disconnect();
    }
  }, 300_000);
});

async function reportsOfCatalogue(url: string) {
  const db = createPrismaClient(url);
  try {
    return await db.progressReport.count({ where: { NOT: { id: { startsWith: "lr" } } } });
  } finally {
    await db.$disconnect();
  }
}
