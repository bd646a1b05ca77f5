// `npm run bench:scoring`: one month's unit scores (考评) at province volume — the
// dataset of `npm run bench:seed` (1,500 units, 10,000 measures, 5 years of monthly
// reports) in its own database luoshi_bench_scoring, plus what that dataset lacks for
// scoring: submission instants spread around the reporting day, returns in the audit
// trail and 3,000 notices with replies. Times computeUnitScores (the app's code: four
// statements and the tally) and the same four statements as bare SQL.
// `-- --database URL` times an existing database instead (no data is added).
import pg from "pg";
import { createPrismaClient } from "@/lib/db/create-client";
import { computeUnitScores, scoringMonth } from "@/lib/scoring/compute-unit-scores";
import { defaultScoringRules } from "@/lib/scoring/rules";
import { expectedReportsForScoringSql, measureLightsSql, noticesDueSql, returnsSql } from "@/lib/scoring/scoring-sql";
import { todayInChina } from "@/lib/tracking/dates";
import { defaultTrackingSettings } from "@/lib/tracking/settings";
import { seedProvince } from "./seed";
import { machineLine, percentile, time } from "./stats";

const NOW = new Date("2026-11-28T04:00:00Z");
const months = ["2026-10", "2026-06", "2026-11"];
const scopes: Record<string, string>[] = [{}, { programme: "P2" }, { city: "jinan" }];

const databaseArgument = process.argv.indexOf("--database");
const existingDatabase = databaseArgument >= 0 ? process.argv[databaseArgument + 1] : undefined;

/** What province data lacks for scoring, added deterministically (setseed). */
async function addScoringHistory(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT setseed(0.7)");
  await client.query(`
    -- Reports come in from the 15th to the 34th day of their month (China time): most by the 28th, some late.
    UPDATE "ProgressReport" SET "submittedAt" = (period + (15 + floor(random() * 20))::int)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours'
      WHERE state <> 'DRAFT';
    -- Every RETURNED report, and 2 % of the approved ones, were returned once (audit trail), a few days after submission.
    INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", "createdAt")
    SELECT 'bsr' || r.id, NULL, 'report.return', 'ProgressReport', r.id, r."submittedAt" + interval '3 days'
      FROM "ProgressReport" r WHERE r.state = 'RETURNED' OR (r.state = 'APPROVED' AND random() < 0.02);
    -- 3,000 notices over the last twelve months, to the lead unit; 80 % answered, some late.
    WITH picked AS (
      SELECT x.id, x.n, date '2025-12-01' + (x.n * 7 % 365)::int AS due
      FROM (SELECT m.id, row_number() OVER (ORDER BY md5(m.id)) AS n FROM "Measure" m) x WHERE x.n <= 3000
    ), notices AS (
      INSERT INTO "Notice" (id, year, number, "measureId", level, body, "replyDueDate", "ruleKey", "createdAt", "updatedAt")
      SELECT 'bsn' || n, 2025 + (n % 2)::int, 100000 + n, id, 'SUPERVISE', '基准督办', due, 'bench', due - 10, due - 10 FROM picked
      RETURNING id, "measureId"
    )
    INSERT INTO "NoticeRecipient" ("noticeId", "unitId", "isLead")
    SELECT n.id, m."leadUnitId", true FROM notices n JOIN "Measure" m ON m.id = n."measureId";
    INSERT INTO "NoticeReply" (id, "noticeId", "unitId", "authorId", body, "createdAt")
    SELECT 'bsp' || n.id, n.id, nr."unitId", (SELECT id FROM "User" ORDER BY id LIMIT 1), '已整改',
           (n."replyDueDate" - 5 + floor(random() * 8)::int)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours'
      FROM "Notice" n JOIN "NoticeRecipient" nr ON nr."noticeId" = n.id WHERE n."ruleKey" = 'bench' AND random() < 0.8;
  `);
  await client.query("VACUUM ANALYZE");
  const { rows } = await client.query(`SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "Measure")::int AS measures,
    (SELECT count(*) FROM "ProgressReport")::int AS reports, (SELECT count(*) FROM "Notice")::int AS notices,
    (SELECT count(*) FROM "AuditEvent" WHERE action = 'report.return')::int AS returns`);
  await client.end();
  return rows[0] as Record<string, number>;
}

async function main() {
  let url = existingDatabase;
  if (!url) {
    const seeded = await seedProvince({ name: "luoshi_bench_scoring" });
    console.log(`Province data generated in ${seeded.seconds.toFixed(1)} s`);
    url = seeded.url;
    console.log(`Scoring history added: ${JSON.stringify(await addScoringHistory(url))}`);
  }
  const db = createPrismaClient(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  console.log(`Machine: ${await machineLine(url)}\n`);
  console.log("| month | scope | units scored | measures that cost points | app p50 ms | app p95 ms | bare SQL p50 ms | bare SQL p95 ms |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const month of months) {
    for (const scope of scopes) {
      const options = { now: NOW, rules: defaultScoringRules, settings: defaultTrackingSettings };
      const result = await computeUnitScores(db, { month, scope }, options);
      const app = await time(() => computeUnitScores(db, { month, scope }, options), { runs: 10, warmup: 2 });
      const scoring = scoringMonth(month, todayInChina(NOW));
      const statements = [
        measureLightsSql(scoring, scope, defaultTrackingSettings),
        expectedReportsForScoringSql(scoring, scope),
        noticesDueSql(scoring, scope),
        returnsSql(scoring, scope),
      ];
      const bare = await time(() => Promise.all(statements.map((sql) => pool.query(sql.text, sql.values as unknown[]))), { runs: 10, warmup: 2 });
      const costs = result.units.reduce((sum, unit) => sum + unit.costs.length, 0);
      console.log(
        `| ${month} | \`${new URLSearchParams(scope).toString() || "(all)"}\` | ${result.units.length} | ${costs} | ${percentile(app, 50).toFixed(0)} | ${percentile(app, 95).toFixed(0)} | ${percentile(bare, 50).toFixed(0)} | ${percentile(bare, 95).toFixed(0)} |`,
      );
    }
  }
  await pool.end();
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
