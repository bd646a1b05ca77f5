import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { measures } from "@/prisma/seed/data/measures";
import { seedAll } from "@/prisma/seed/seed-all";
import { DEMO_PASSWORD, demoAccounts } from "@/prisma/seed/seed-users";
import { SEED_NOW, testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

async function counts() {
  const [cities, units, programmes, areas, measures, milestones, documents, reports, users, cooperating, measureCities] =
    await Promise.all([
      db.city.count(),
      db.unit.count(),
      db.programme.count(),
      db.area.count(),
      db.measure.count(),
      db.milestone.count(),
      db.sourceDocument.count(),
      db.progressReport.count(),
      db.user.count(),
      db.measureCooperatingUnit.count(),
      db.measureCity.count(),
    ]);
  return { cities, units, programmes, areas, measures, milestones, documents, reports, users, cooperating, measureCities };
}

/** Catalogue codes as the seed README lists them ("- 2.1.1 …", "2.4.1 教育 …"). */
function readmeCodes(): string[] {
  const readme = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/seed/source/README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Programme 1"));
  return [...new Set([...section.matchAll(/(?:^\s*-\s+|·\s*)(\d+(?:\.\d+)+)\s/gm)].map((match) => match[1]!))];
}

describe("[DB] seed", () => {
  it("is idempotent: a second run adds nothing", async () => {
    await seedAll(db, { now: SEED_NOW });
    const first = await counts();
    const second = await seedAll(db, { now: SEED_NOW });
    expect(second).toEqual({ createdMeasures: 0, sampleReports: 0 });
    expect(await counts()).toEqual(first);
    expect(first.cities).toBe(7);
    expect(first.measures).toBeGreaterThanOrEqual(35);
    const seeded = { code: { in: measures.map((measure) => measure.code) } };
    expect(await db.progressReport.count({ where: { measure: seeded } })).toBeGreaterThan(measures.length * 3);
  });

  it("has every catalogue code of the seed README with zh and en titles", async () => {
    await seedAll(db, { now: SEED_NOW });
    const codes = readmeCodes();
    expect(codes).toContain("2.1.2");
    expect(codes.length).toBeGreaterThanOrEqual(30);
    const measures = await db.measure.findMany({ select: { code: true, titleZh: true, titleEn: true } });
    const areas = await db.area.findMany({ select: { code: true } });
    for (const code of codes) {
      // An area code (2.1) is an area; 2.3.3 is split into 2.3.3.1–5; the rest are measures.
      const matches = measures.filter((m) => m.code === code || m.code.startsWith(`${code}.`));
      const isArea = areas.some((area) => area.code === code);
      expect(isArea || matches.length > 0, `catalogue code ${code}`).toBe(true);
      for (const measure of matches) {
        expect(measure.titleZh, measure.code).toMatch(/\p{Script=Han}/u);
        expect(measure.titleEn, measure.code).toMatch(/[A-Za-z]{3}/);
        expect(measure.titleEn, measure.code).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it("keeps the shipped copy of the seed README in step with ../shared", () => {
    const shared = path.join(import.meta.dirname, "../../../shared/seed/README.md");
    if (!fs.existsSync(shared)) return;
    const copy = path.join(import.meta.dirname, "../../prisma/seed/source/README.md");
    expect(fs.readFileSync(copy, "utf8")).toBe(fs.readFileSync(shared, "utf8"));
  });

  it("flags invented figures as sample data", async () => {
    await seedAll(db, { now: SEED_NOW });
    // Other test files add their own (non-sample) rows; look at the seeded catalogue only.
    const seeded = { code: { in: measures.map((measure) => measure.code) } };
    expect(await db.measure.count({ where: seeded })).toBe(measures.length);
    expect(await db.measure.count({ where: { ...seeded, isSample: false } })).toBe(0);
    expect(await db.progressReport.count({ where: { measure: seeded, isSample: false } })).toBe(0);
    expect(await db.milestone.count({ where: { measure: seeded, isSample: false } })).toBe(0);
    const states = await db.progressReport.groupBy({ by: ["state"], where: { measure: seeded }, _count: true });
    expect(states.map((row) => row.state).sort()).toEqual(["APPROVED", "DRAFT", "RETURNED", "SUBMITTED"]);
  });

  it("creates the demo accounts with the documented password", async () => {
    await seedAll(db, { now: SEED_NOW });
    for (const account of demoAccounts) {
      const user = await db.user.findUniqueOrThrow({
        where: { loginName: account.loginName },
        select: { role: true, active: true, passwordHash: true },
      });
      expect(user.role).toBe(account.role);
      expect(user.active).toBe(true);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
      expect(await verifyPassword("wrong", user.passwordHash)).toBe(false);
    }
  });
});
