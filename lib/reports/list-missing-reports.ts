import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/create-client";
import { monthEnd } from "@/lib/tracking/dates";
import { expectedReportsSql, reportMissingSql } from "./expected-reports-sql";

export interface MissingByUnit {
  unit: { code: string; nameZh: string; nameEn: string };
  expected: number;
  missing: { code: string; titleZh: string; titleEn: string; state: "DRAFT" | "RETURNED" | null }[];
}

type ExpectedRow = MissingByUnit["missing"][number] & { missing: boolean; unitCode: string; unitZh: string; unitEn: string };

/**
 * For a month: which lead units have not submitted the report of each measure
 * they lead that is under way, by the rule of expected-reports-sql.ts.
 */
export async function listMissingReports(db: PrismaClient, period: Date): Promise<MissingByUnit[]> {
  const rows = await db.$queryRaw<ExpectedRow[]>(Prisma.sql`
    WITH scoped AS (SELECT m.id, m.code, m."titleZh", m."titleEn", m.status, m."startDate", m."leadUnitId" FROM "Measure" m),
      expected AS (${expectedReportsSql(period, monthEnd(period))})
    SELECT e.code, e."titleZh", e."titleEn", e."reportState" AS state, ${reportMissingSql} AS missing,
           u.code AS "unitCode", u."nameZh" AS "unitZh", u."nameEn" AS "unitEn"
    FROM expected e JOIN "Unit" u ON u.id = e."leadUnitId"
    ORDER BY u.code, e.code`);
  const byUnit = new Map<string, MissingByUnit>();
  for (const { missing, unitCode, unitZh, unitEn, ...measure } of rows) {
    const entry = byUnit.get(unitCode) ?? { unit: { code: unitCode, nameZh: unitZh, nameEn: unitEn }, expected: 0, missing: [] };
    entry.expected++;
    if (missing) entry.missing.push(measure);
    byUnit.set(unitCode, entry);
  }
  return [...byUnit.values()].filter((entry) => entry.missing.length > 0).sort((a, b) => b.missing.length - a.missing.length);
}
