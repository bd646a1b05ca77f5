import pg from "pg";
import { monthOf, todayInChina } from "@/lib/tracking/dates";

export type LoadRole = "OFFICIAL" | "LEADER" | "INSPECTOR" | "VIEWER";

/** The share of each role among the signed-in users: mostly officials, as in a province. */
export const roleShares: Record<LoadRole, number> = { OFFICIAL: 0.7, LEADER: 0.1, INSPECTOR: 0.1, VIEWER: 0.1 };

export interface LoadUser {
  loginName: string;
  role: LoadRole;
}

/** A measure, unit and month without a report yet: one fresh report submission. */
export interface ReportSlot {
  loginName: string;
  measureCode: string;
  period: string;
}

/** What the request mix draws from: who signs in, which measures and filter values exist. */
export interface LoadFixtures {
  users: LoadUser[];
  measureCodes: string[];
  areaCodes: string[];
  programmeCodes: string[];
  cityCodes: string[];
  leadUnitCodes: string[];
  reportSlots: ReportSlot[];
  /** How many of the slots are for the current month (the rest go back month by month). */
  currentMonthSlots: number;
}

/** How many users of each role make up `count` distinct users (at least one of each). */
export function usersPerRole(count: number): Record<LoadRole, number> {
  const others = (["LEADER", "INSPECTOR", "VIEWER"] as const).map((role) => Math.max(1, Math.round(count * roleShares[role])));
  const [leaders, inspectors, viewers] = others as [number, number, number];
  return { OFFICIAL: Math.max(1, count - leaders - inspectors - viewers), LEADER: leaders, INSPECTOR: inspectors, VIEWER: viewers };
}

/**
 * Reads the generated users (load.user…, password Load-pass-2026), measure codes
 * and filter values, and enough free report slots for `reportSlots` submissions:
 * measures the signed-in officials' units lead or cooperate on (not completed),
 * the current month first, then earlier months, so no two submissions collide.
 */
export async function loadFixtures(databaseUrl: string, userCount: number, reportSlots: number): Promise<LoadFixtures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const users: LoadUser[] = [];
    for (const [role, count] of Object.entries(usersPerRole(userCount)) as [LoadRole, number][]) {
      // Officials in login order belong to different units (the generator deals units out in turn).
      const { rows } = await client.query(
        `SELECT "loginName" FROM "User" WHERE "loginName" LIKE 'load.user%' AND role = $1::"Role" AND active ORDER BY "loginName" LIMIT $2`,
        [role, count],
      );
      if (rows.length < count) throw new Error(`Only ${rows.length} generated ${role} users; run npm run bench:seed first`);
      users.push(...rows.map((row) => ({ loginName: row.loginName as string, role })));
    }
    const column = async (sql: string) => (await client.query(sql)).rows.map((row) => row.code as string);
    const month = monthOf(todayInChina());
    const officials = users.filter((user) => user.role === "OFFICIAL").map((user) => user.loginName);
    const { rows: slots } = await client.query(
      `WITH official AS (SELECT DISTINCT ON ("unitId") "loginName", "unitId" FROM "User" WHERE "loginName" = ANY($1) ORDER BY "unitId", "loginName"),
            mine AS (SELECT o."loginName", o."unitId", m.id, m.code FROM official o JOIN "Measure" m ON m."leadUnitId" = o."unitId" WHERE m.status <> 'COMPLETED'
                     UNION SELECT o."loginName", o."unitId", m.id, m.code FROM official o JOIN "MeasureCooperatingUnit" c ON c."unitId" = o."unitId"
                     JOIN "Measure" m ON m.id = c."measureId" WHERE m.status <> 'COMPLETED'),
            slot AS (SELECT mine.*, k, ($2::date - make_interval(months => k))::date AS period FROM mine CROSS JOIN generate_series(0, 23) k
                     WHERE NOT EXISTS (SELECT 1 FROM "ProgressReport" r WHERE r."measureId" = mine.id AND r."unitId" = mine."unitId"
                                       AND r.period = ($2::date - make_interval(months => k))::date))
       SELECT "loginName", code, to_char(period, 'YYYY-MM') AS period FROM slot
       ORDER BY k, row_number() OVER (PARTITION BY "loginName", k ORDER BY code), "loginName" LIMIT $3`,
      [officials, month.toISOString().slice(0, 10), reportSlots],
    );
    const currentPeriod = month.toISOString().slice(0, 7);
    return {
      users,
      measureCodes: await column(`SELECT code FROM "Measure" ORDER BY code`),
      areaCodes: await column(`SELECT code FROM "Area" ORDER BY code`),
      programmeCodes: await column(`SELECT code FROM "Programme" ORDER BY code`),
      cityCodes: await column(`SELECT code FROM "City" ORDER BY code`),
      leadUnitCodes: await column(`SELECT DISTINCT u.code FROM "Unit" u JOIN "Measure" m ON m."leadUnitId" = u.id ORDER BY u.code`),
      reportSlots: slots.map((row) => ({ loginName: row.loginName, measureCode: row.code, period: row.period })),
      currentMonthSlots: slots.filter((row) => row.period === currentPeriod).length,
    };
  } finally {
    await client.end();
  }
}
