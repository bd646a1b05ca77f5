import pg from "pg";
import { migrateDeploy } from "@/scripts/lib/prisma-cli.mjs";

/**
 * A fresh, migrated benchmark database on the PostgreSQL server of
 * BENCH_DATABASE_URL (default: this machine's server), dropped and re-created.
 */
export async function freshBenchDatabase(name = "luoshi_bench"): Promise<string> {
  const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString());
  return url.toString();
}

/**
 * Generates a province-scale dataset in SQL (deterministic: setseed): the demo
 * catalogue's areas and units, then `measures` measures spread over them with
 * dates, progress, cities and cooperating units, and `months` monthly reports each.
 */
export async function generateLedgerData(url: string, { measures = 10_000, months = 12 } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT setseed(0.42)");
  await client.query(`
    INSERT INTO "User" (id, "loginName", "displayName", "passwordHash", role, "updatedAt")
    VALUES ('bench-author', 'bench.author', 'Bench author', '!', 'OFFICIAL', now());
    INSERT INTO "Measure" (id, code, "areaId", "titleZh", "titleEn", "leadUnitId", "startDate", "dueDate", status, "percentComplete", "sortOrder", "isSample", "updatedAt")
    SELECT 'bm' || g, 'B.' || lpad(g::text, 5, '0'),
           (SELECT id FROM "Area" ORDER BY code OFFSET (g % (SELECT count(*) FROM "Area")) LIMIT 1),
           '基准措施' || g || (ARRAY['瓶颈路','轨道交通','飞地','园区','教育','文旅'])[1 + g % 6],
           'Benchmark measure ' || g || ' ' || (ARRAY['bottleneck road','rail','enclave','park','education','tourism'])[1 + g % 6],
           (SELECT id FROM "Unit" ORDER BY code OFFSET (g * 7 % (SELECT count(*) FROM "Unit")) LIMIT 1),
           date '2023-01-01' + (random() * 900)::int,
           date '2026-01-01' + (random() * 900)::int,
           (CASE WHEN random() < 0.12 THEN 'COMPLETED' WHEN random() < 0.03 THEN 'SUSPENDED' ELSE 'IN_PROGRESS' END)::"MeasureStatus",
           (random() * 100)::int, g, true, now()
    FROM generate_series(1, ${measures}) g;
    INSERT INTO "MeasureCity" ("measureId", "cityId")
    SELECT m.id, c.id FROM "Measure" m JOIN "City" c ON (hashtext(m.id || c.code) % 3 = 0) WHERE m.code LIKE 'B.%';
    INSERT INTO "MeasureCooperatingUnit" ("measureId", "unitId")
    SELECT DISTINCT m.id, u.id FROM "Measure" m JOIN "Unit" u ON (hashtext(m.id || u.code) % 12 = 0 AND u.id <> m."leadUnitId") WHERE m.code LIKE 'B.%';
    INSERT INTO "ProgressReport" (id, "measureId", "unitId", period, "percentComplete", status, progress, state, "authorId", "isSample", "updatedAt", "submittedAt")
    SELECT 'br' || m.code || '-' || k, m.id, m."leadUnitId", (date '2025-12-01' - make_interval(months => k))::date,
           GREATEST(0, m."percentComplete" - k * 3), 'IN_PROGRESS', '基准报告',
           (CASE WHEN k > 0 THEN 'APPROVED' WHEN random() < 0.6 THEN 'APPROVED' WHEN random() < 0.5 THEN 'SUBMITTED' ELSE 'RETURNED' END)::"ReportState",
           'bench-author', true, now(), now()
    FROM "Measure" m CROSS JOIN generate_series(0, ${months - 1}) k WHERE m.code LIKE 'B.%';
    UPDATE "Measure" m SET "latestReportState" = latest.state, "latestReportPeriod" = latest.period
    FROM (SELECT DISTINCT ON ("measureId") "measureId", state, period FROM "ProgressReport"
          WHERE state <> 'DRAFT' ORDER BY "measureId", period DESC) latest
    WHERE latest."measureId" = m.id;
  `);
  // Outside a transaction: fresh visibility maps for index-only scans, fresh statistics.
  await client.query("VACUUM ANALYZE");
  const { rows } = await client.query(`SELECT (SELECT count(*) FROM "Measure") AS measures, (SELECT count(*) FROM "ProgressReport") AS reports`);
  await client.end();
  return { measures: Number(rows[0].measures), reports: Number(rows[0].reports) };
}
