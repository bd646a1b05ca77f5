import pg from "pg";

/** The province-wide volume of issue 7; tests pass a small one. */
export interface ProvinceVolume {
  /** Units in all, including the catalogue's. */
  units: number;
  /** Generated measures, besides the catalogue's. */
  measures: number;
  /** Monthly reports per measure, back from the current month. */
  months: number;
  /** Generated users, besides the demo accounts. */
  users: number;
  milestonesPerMeasure: number;
}

export const provinceVolume: ProvinceVolume = { units: 1_500, measures: 10_000, months: 60, users: 5_000, milestonesPerMeasure: 3 };

/** Every generated user signs in with this password (load tests log in as many people). */
export const generatedUserPassword = "Load-pass-2026";

/** The other nine cities of Shandong, so the province has its sixteen. */
const otherCities = [
  ["qingdao", "青岛", "Qingdao"], ["yantai", "烟台", "Yantai"], ["weifang", "潍坊", "Weifang"],
  ["jining", "济宁", "Jining"], ["linyi", "临沂", "Linyi"], ["heze", "菏泽", "Heze"],
  ["zaozhuang", "枣庄", "Zaozhuang"], ["rizhao", "日照", "Rizhao"], ["weihai", "威海", "Weihai"],
];

/**
 * Generates a province-wide dataset on a migrated database that holds the seeded
 * catalogue. Deterministic for a seed: every "random" value is a hash of the
 * seed and the row's own key, so neither the plan nor parallel workers change
 * it; ids and timestamps are derived, not drawn.
 *
 * `today` fixes the current month (reports run back from it) so runs compare.
 */
export async function generateProvinceData(
  url: string,
  { seed = 42, volume = provinceVolume, today = new Date("2026-11-28T00:00:00Z"), passwordHash }: { seed?: number; volume?: ProvinceVolume; today?: Date; passwordHash: string },
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const month = `${today.toISOString().slice(0, 7)}-01`;
    await client.query(`
      CREATE FUNCTION pg_temp.rnd(key text) RETURNS float8 LANGUAGE sql IMMUTABLE
        AS $$ SELECT ('x' || substr(md5('${Number(seed)}:' || key), 1, 8))::bit(32)::bigint / 4294967296.0 $$`);
    const stamp = `'${today.toISOString()}'::timestamptz`;
    const steps: [string, string, unknown[]][] = [
      ["cities", `
        INSERT INTO "City" (id, code, "nameZh", "nameEn", "sortOrder")
        SELECT 'lc-' || c.code, c.code, c.zh, c.en, 100 + c.n
        FROM jsonb_to_recordset($1::jsonb) AS c(code text, zh text, en text, n int)
        ON CONFLICT (code) DO NOTHING`, [JSON.stringify(otherCities.map(([code, zh, en], n) => ({ code, zh, en, n })))]],
      // Provincial departments (every 25th) and municipal departments spread over the cities.
      ["units", `
        WITH city AS (SELECT id, code, "nameZh", "nameEn", row_number() OVER (ORDER BY "sortOrder", code) AS n FROM "City"),
        wanted AS (SELECT g, $1::int - (SELECT count(*) FROM "Unit") AS total FROM generate_series(1, greatest(0, $1::int - (SELECT count(*) FROM "Unit"))) g)
        INSERT INTO "Unit" (id, code, "nameZh", "nameEn", kind, "cityId", "updatedAt")
        SELECT 'lu' || g, 'load-unit-' || lpad(g::text, 4, '0'),
               CASE WHEN g % 25 = 0 THEN '省属部门' || g ELSE c."nameZh" || '市直部门' || g END,
               CASE WHEN g % 25 = 0 THEN 'Provincial department ' || g ELSE c."nameEn" || ' municipal department ' || g END,
               (CASE WHEN g % 25 = 0 THEN 'PROVINCIAL_DEPARTMENT' ELSE 'MUNICIPAL_DEPARTMENT' END)::"UnitKind",
               CASE WHEN g % 25 = 0 THEN NULL ELSE c.id END, ${stamp}
        FROM wanted JOIN city c ON c.n = 1 + (g % (SELECT count(*) FROM city))`, [volume.units]],
      ["users", `
        INSERT INTO "User" (id, "loginName", "displayName", "passwordHash", role, "unitId", "updatedAt", "createdAt")
        SELECT 'lus' || g, 'load.user' || lpad(g::text, 4, '0'), '负载用户' || g, $2,
               (CASE WHEN g % 50 = 0 THEN 'LEADER' WHEN g % 50 = 1 THEN 'INSPECTOR' WHEN g % 50 = 2 THEN 'VIEWER' ELSE 'OFFICIAL' END)::"Role",
               CASE WHEN g % 50 IN (0, 1, 2) THEN NULL ELSE (SELECT id FROM "Unit" ORDER BY code OFFSET (g % (SELECT count(*) FROM "Unit")) LIMIT 1) END,
               ${stamp}, ${stamp}
        FROM generate_series(1, $1::int) g`, [volume.users, passwordHash]],
      // Measures of the 14th five-year plan: started in 2021, due 2025 to 2028.
      ["measures", `
        WITH area AS (SELECT id, row_number() OVER (ORDER BY code) AS n, count(*) OVER () AS total FROM "Area"),
             unit AS (SELECT id, row_number() OVER (ORDER BY code) AS n, count(*) OVER () AS total FROM "Unit")
        INSERT INTO "Measure" (id, code, "areaId", "titleZh", "titleEn", "leadUnitId", "responsiblePerson", "startDate", "dueDate", status,
                               "percentComplete", "investmentPlanned", "sortOrder", "isSample", "createdAt", "updatedAt")
        SELECT 'lm' || g, 'L.' || lpad(g::text, 5, '0'), a.id,
               '全省推进措施' || g || (ARRAY['瓶颈路','轨道交通','飞地','园区','教育','文旅','医疗','水运'])[1 + g % 8],
               'Province measure ' || g || ' ' || (ARRAY['bottleneck road','rail','enclave','park','education','tourism','health care','waterway'])[1 + g % 8],
               u.id, '责任人' || (g % 997),
               date '2021-01-01' + floor(pg_temp.rnd('start' || g) * 365)::int,
               date '2025-06-30' + floor(pg_temp.rnd('due' || g) * 1280)::int,
               'IN_PROGRESS', 0, round((pg_temp.rnd('invest' || g) * 50000)::numeric, 2), g, true, ${stamp}, ${stamp}
        FROM generate_series(1, $1::int) g
        JOIN area a ON a.n = 1 + (g % a.total)
        JOIN unit u ON u.n = 1 + floor(pg_temp.rnd('lead' || g) * u.total)::int`, [volume.measures]],
      ["measure cities", `
        INSERT INTO "MeasureCity" ("measureId", "cityId")
        SELECT DISTINCT m.id, c.id FROM "Measure" m
        CROSS JOIN generate_series(0, 1) k
        JOIN (SELECT id, row_number() OVER (ORDER BY "sortOrder", code) - 1 AS n, count(*) OVER () AS total FROM "City") c
          ON c.n = floor(pg_temp.rnd('city' || m.id || k) * c.total)::int
        WHERE m.code LIKE 'L.%' AND (k = 0 OR pg_temp.rnd('second city' || m.id) < 0.4)`, []],
      ["cooperating units", `
        INSERT INTO "MeasureCooperatingUnit" ("measureId", "unitId")
        SELECT DISTINCT m.id, u.id FROM "Measure" m
        CROSS JOIN generate_series(1, 3) k
        JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total FROM "Unit") u
          ON u.n = floor(pg_temp.rnd('coop' || m.id || k) * u.total)::int
        WHERE m.code LIKE 'L.%' AND u.id <> m."leadUnitId" AND pg_temp.rnd('coop?' || m.id || k) < 0.5`, []],
      ["milestones", `
        INSERT INTO "Milestone" (id, "measureId", "titleZh", "titleEn", "dueDate", "completedOn", "sortOrder", "isSample", "createdAt", "updatedAt")
        SELECT 'lms' || m.id || '-' || k, m.id, '节点' || k, 'Milestone ' || k, d.due,
               CASE WHEN d.due < $2::date AND pg_temp.rnd('done' || m.id || k) < 0.8 THEN d.due + floor(pg_temp.rnd('late' || m.id || k) * 40)::int END,
               k, true, ${stamp}, ${stamp}
        FROM "Measure" m CROSS JOIN generate_series(1, $1::int) k
        CROSS JOIN LATERAL (SELECT m."startDate" + ((m."dueDate" - m."startDate") * k / ($1::int + 1)) AS due) d
        WHERE m.code LIKE 'L.%'`, [volume.milestonesPerMeasure, month]],
      // Monthly reports by the lead unit: progress climbs to where each measure stands;
      // older months approved (a few returned), this month's mixed or not yet in.
      ["reports", `
        WITH author AS (SELECT DISTINCT ON ("unitId") "unitId", id FROM "User" WHERE role = 'OFFICIAL' AND "unitId" IS NOT NULL ORDER BY "unitId", id)
        INSERT INTO "ProgressReport" (id, "measureId", "unitId", period, "percentComplete", status, progress, problems, "nextSteps", state,
                                      "authorId", "isSample", "isCompletion", "createdAt", "updatedAt", "submittedAt", "reviewedAt")
        SELECT 'lr' || m.id || '-' || k, m.id, m."leadUnitId", r.period, r.percent, 'IN_PROGRESS',
               '本月推进情况' || k, CASE WHEN pg_temp.rnd('problem' || m.id || k) < 0.3 THEN '用地指标紧张' ELSE '' END, '继续推进',
               r.state, coalesce(a.id, 'lus1'), true, r.percent = 100 AND r.state = 'APPROVED', ${stamp}, ${stamp},
               CASE WHEN r.state <> 'DRAFT' THEN ${stamp} END, CASE WHEN r.state IN ('APPROVED', 'RETURNED') THEN ${stamp} END
        FROM "Measure" m CROSS JOIN generate_series(0, $1::int - 1) k
        LEFT JOIN author a ON a."unitId" = m."leadUnitId"
        CROSS JOIN LATERAL (
          SELECT ($2::date - make_interval(months => k))::date AS period,
                 least(100, floor(pg_temp.rnd('target' || m.id) * 115 * ($1::int - k) / $1::int))::int AS percent,
                 (CASE WHEN k > 0 AND pg_temp.rnd('state' || m.id || k) < 0.97 THEN 'APPROVED'
                       WHEN k > 0 THEN 'RETURNED'
                       WHEN pg_temp.rnd('state' || m.id) < 0.4 THEN 'APPROVED'
                       WHEN pg_temp.rnd('state' || m.id) < 0.6 THEN 'SUBMITTED'
                       ELSE 'DRAFT' END)::"ReportState" AS state
        ) r
        WHERE m.code LIKE 'L.%' AND (k > 0 OR pg_temp.rnd('reported' || m.id) < 0.7)`, [volume.months, month]],
      // Fresh statistics first: with the estimates of an empty table the planner ANDs the
      // state index into each measure's probe and scans every approved report per measure.
      ["analyze", `ANALYZE "ProgressReport"`, []],
      // The measures' own columns, as the workflow keeps them.
      ["measure state", `
        UPDATE "Measure" m SET "percentComplete" = coalesce(approved."percentComplete", 0),
               status = (CASE WHEN approved."isCompletion" THEN 'COMPLETED' ELSE 'IN_PROGRESS' END)::"MeasureStatus",
               "investmentCompleted" = round(m."investmentPlanned" * coalesce(approved."percentComplete", 0) / 100, 2),
               "latestReportState" = latest.state, "latestReportPeriod" = latest.period
        FROM "Measure" m2
        LEFT JOIN LATERAL (SELECT "percentComplete", "isCompletion" FROM "ProgressReport" r WHERE r."measureId" = m2.id AND r.state = 'APPROVED' ORDER BY period DESC LIMIT 1) approved ON TRUE
        LEFT JOIN LATERAL (SELECT state, period FROM "ProgressReport" r WHERE r."measureId" = m2.id AND r.state <> 'DRAFT' ORDER BY period DESC LIMIT 1) latest ON TRUE
        WHERE m2.id = m.id AND m.code LIKE 'L.%'`, []],
    ];
    // Bulk load: no per-row triggers (the trend cache is empty, and the rows are consistent by construction).
    await client.query("SET session_replication_role = replica");
    const timings: Record<string, number> = {};
    for (const [name, sql, params] of steps) {
      const started = performance.now();
      await client.query(sql, params);
      timings[name] = Math.round(performance.now() - started);
    }
    await client.query("SET session_replication_role = DEFAULT");
    await client.query("VACUUM ANALYZE");
    return { counts: await countRows(client), timings };
  } finally {
    await client.end();
  }
}

export async function countRows(client: pg.Client) {
  const { rows } = await client.query(`SELECT
    (SELECT count(*) FROM "City")::int AS cities, (SELECT count(*) FROM "Unit")::int AS units,
    (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Measure")::int AS measures,
    (SELECT count(*) FROM "Milestone")::int AS milestones, (SELECT count(*) FROM "ProgressReport")::int AS reports`);
  return rows[0] as { cities: number; units: number; users: number; measures: number; milestones: number; reports: number };
}

/** A digest of the generated rows (not of timestamps), to show two runs made the same data. */
export async function fingerprint(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT md5(string_agg(line, '|' ORDER BY line)) AS digest FROM (
      SELECT concat_ws(',', u.code, u."nameZh", u.kind, c.code) AS line FROM "Unit" u LEFT JOIN "City" c ON c.id = u."cityId" WHERE u.code LIKE 'load-%'
      UNION ALL SELECT concat_ws(',', "loginName", role, u.code) FROM "User" LEFT JOIN "Unit" u ON u.id = "unitId" WHERE "loginName" LIKE 'load.%'
      UNION ALL SELECT concat_ws(',', m.code, a.code, u.code, "startDate", "dueDate", status, "percentComplete", "investmentPlanned", "latestReportState")
        FROM "Measure" m JOIN "Area" a ON a.id = m."areaId" JOIN "Unit" u ON u.id = m."leadUnitId" WHERE m.code LIKE 'L.%'
      UNION ALL SELECT concat_ws(',', "measureId", c.code) FROM "MeasureCity" JOIN "City" c ON c.id = "cityId" WHERE "measureId" LIKE 'lm%'
      UNION ALL SELECT concat_ws(',', "measureId", u.code) FROM "MeasureCooperatingUnit" JOIN "Unit" u ON u.id = "unitId" WHERE "measureId" LIKE 'lm%'
      UNION ALL SELECT concat_ws(',', id, "dueDate", "completedOn") FROM "Milestone" WHERE id LIKE 'lms%'
      UNION ALL SELECT concat_ws(',', r.id, period, "percentComplete", state, problems, u."loginName") FROM "ProgressReport" r JOIN "User" u ON u.id = r."authorId" WHERE r.id LIKE 'lr%'
    ) generated`);
    return rows[0].digest as string;
  } finally {
    await client.end();
  }
}
