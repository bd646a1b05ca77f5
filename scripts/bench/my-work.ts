// `npm run bench:my-work [-- --database URL]`: My work (the home page's data) at province
// volume, through the app's code and as the bare SQL of the same lists.
// Without --database it builds its own copy of the bench:seed data (database luoshi_mywork).
import pg from "pg";
import { createPrismaClient } from "@/lib/db/create-client";
import { countMyWork, listMyWork, loadMyWorkPage } from "@/lib/my-work/list-my-work";
import { myWorkCountSql, myWorkSql, type MyWorkUser } from "@/lib/my-work/my-work-sql";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { seedProvince } from "./seed";
import { machineLine, percentile } from "./stats";

// The generated data's "today" (reports run back from November 2026).
const NOW = new Date("2026-11-28T04:00:00Z");

/**
 * What My work reads besides reports and milestones, at a plausible province volume
 * (idempotent: rows carry a "bmw" prefix): 3,000 notices in every state around their
 * deadlines, 600 extension requests, 5,000 light changes over two weeks.
 */
async function addMyWorkData(client: pg.Client) {
  await client.query(`DELETE FROM "Notice" WHERE id LIKE 'bmw%'; DELETE FROM "ExtensionRequest" WHERE id LIKE 'bmw%'; DELETE FROM "DomainEvent" WHERE key LIKE 'bmw:%'`);
  await client.query(`
    WITH m AS (SELECT id, "leadUnitId", row_number() OVER (ORDER BY code) AS n, count(*) OVER () AS total FROM "Measure")
    INSERT INTO "Notice" (id, year, number, "measureId", level, state, body, "replyDueDate", "createdAt", "updatedAt")
    SELECT 'bmw-n' || g, 2026, 100000 + g, m.id,
      (ARRAY['REMINDER','SUPERVISE','SPECIAL'])[1 + g % 3]::"NoticeLevel",
      (ARRAY['OPEN','OPEN','OPEN','OPEN','OPEN','REPLIED','REPLIED','RETURNED','ACCEPTED','ACCEPTED'])[1 + (g * 7) % 10]::"NoticeState",
      '请加快推进', $1::date + (g % 41 - 20), $2::timestamptz - make_interval(hours => g % 500), $2::timestamptz - make_interval(hours => g % 300)
    FROM generate_series(1, 3000) g JOIN m ON m.n = 1 + (g * 37) % m.total`, [NOW.toISOString().slice(0, 10), NOW.toISOString()]);
  await client.query(`INSERT INTO "NoticeRecipient" ("noticeId", "unitId", "isLead")
    SELECT n.id, m."leadUnitId", true FROM "Notice" n JOIN "Measure" m ON m.id = n."measureId" WHERE n.id LIKE 'bmw%'`);
  await client.query(`
    WITH m AS (SELECT id, "leadUnitId", "dueDate", row_number() OVER (ORDER BY code) AS n, count(*) OVER () AS total FROM "Measure" WHERE "dueDate" IS NOT NULL),
      official AS (SELECT DISTINCT ON ("unitId") "unitId", id FROM "User" WHERE role = 'OFFICIAL' ORDER BY "unitId", id),
      inspector AS (SELECT id FROM "User" WHERE role = 'INSPECTOR' ORDER BY id LIMIT 1)
    INSERT INTO "ExtensionRequest" (id, "measureId", "requestedById", "currentDueDate", "requestedDueDate", reason, state, "decidedById", "decidedAt", "createdAt", "updatedAt")
    SELECT 'bmw-x' || g, m.id, o.id, m."dueDate", m."dueDate" + 90, '需要更多时间',
      (CASE WHEN g % 5 < 2 THEN 'PENDING' WHEN g % 5 < 4 THEN 'APPROVED' ELSE 'REJECTED' END)::"ExtensionState",
      CASE WHEN g % 5 >= 2 THEN (SELECT id FROM inspector) END,
      CASE WHEN g % 5 >= 2 THEN $1::timestamptz - make_interval(hours => g % 400) END,
      $1::timestamptz - make_interval(hours => 400 + g % 400), $1::timestamptz
    FROM generate_series(1, 600) g JOIN m ON m.n = 1 + (g * 13) % m.total JOIN official o ON o."unitId" = m."leadUnitId"`, [NOW.toISOString()]);
  await client.query(`
    WITH m AS (SELECT id, row_number() OVER (ORDER BY code) AS n, count(*) OVER () AS total FROM "Measure")
    INSERT INTO "DomainEvent" (key, type, "measureId", "audienceRoles", "entityType", "entityId", payload, "occurredAt", "dispatchedAt")
    SELECT 'bmw:' || g, 'measure.lightChanged', m.id, ARRAY['INSPECTOR','LEADER']::"Role"[], 'Measure', m.id,
      jsonb_build_object('light', (ARRAY['YELLOW','RED','GREEN','BLUE'])[1 + g % 4]), $1::timestamptz - make_interval(mins => g * 4), $1::timestamptz
    FROM generate_series(1, 5000) g JOIN m ON m.n = 1 + (g * 101) % m.total`, [NOW.toISOString()]);
  await client.query(`ANALYZE "Notice"; ANALYZE "NoticeRecipient"; ANALYZE "ExtensionRequest"; ANALYZE "DomainEvent"`);
}

async function pickUsers(client: pg.Client): Promise<[string, MyWorkUser][]> {
  const one = async (label: string, sql: string): Promise<[string, MyWorkUser] | null> => {
    const { rows } = await client.query(sql);
    return rows[0] ? [label, rows[0] as MyWorkUser] : null;
  };
  const led = `(SELECT count(*) FROM "Measure" m WHERE m."leadUnitId" = u."unitId")`;
  const picked = [
    await one("official, unit leading the most measures", `SELECT u.id, u.role, u."unitId" FROM "User" u WHERE u.role = 'OFFICIAL' AND u.active ORDER BY ${led} DESC, u.id LIMIT 1`),
    await one("official, typical unit", `SELECT u.id, u.role, u."unitId" FROM "User" u WHERE u.role = 'OFFICIAL' AND u.active AND ${led} BETWEEN 6 AND 8 ORDER BY u.id LIMIT 1`),
    await one("inspector", `SELECT id, role, "unitId" FROM "User" WHERE role = 'INSPECTOR' AND active ORDER BY id LIMIT 1`),
    await one("leader", `SELECT id, role, "unitId" FROM "User" WHERE role = 'LEADER' AND active ORDER BY id LIMIT 1`),
    await one("admin", `SELECT id, role, "unitId" FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id LIMIT 1`),
  ];
  return picked.filter((entry) => entry !== null);
}

/** Like stats.ts's time(), with an untimed step before every run. */
async function timeAfter(before: () => Promise<unknown>, fn: () => Promise<unknown>, { runs = 30, warmup = 3 } = {}): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    await before();
    const start = process.hrtime.bigint();
    await fn();
    if (i >= warmup) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/** The app's call and its bare SQL, run in turns so that both see the same machine load. */
async function timeAlternately(app: () => Promise<unknown>, bareSql: () => Promise<unknown>, { runs = 40, warmup = 3 } = {}): Promise<[number[], number[]]> {
  const appSamples: number[] = [];
  const bareSamples: number[] = [];
  const run = async (fn: () => Promise<unknown>, into: number[], keep: boolean) => {
    const start = process.hrtime.bigint();
    await fn();
    if (keep) into.push(Number(process.hrtime.bigint() - start) / 1e6);
  };
  for (let i = 0; i < warmup + runs; i++) {
    await run(app, appSamples, i >= warmup);
    await run(bareSql, bareSamples, i >= warmup);
  }
  return [appSamples, bareSamples];
}

async function main() {
  const databaseArgument = process.argv.indexOf("--database");
  let url = databaseArgument > 0 ? process.argv[databaseArgument + 1] : undefined;
  if (!url) {
    console.log("Generating the province data (database luoshi_mywork, about 3 minutes)…");
    url = (await seedProvince({ name: "luoshi_mywork" })).url;
  }
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  await addMyWorkData(bare);
  const db = createPrismaClient(url);
  const settings = await getTrackingSettings(db);
  const users = await pickUsers(bare);
  const counts = (await bare.query(`SELECT (SELECT count(*) FROM "Measure") AS measures, (SELECT count(*) FROM "ProgressReport") AS reports,
    (SELECT count(*) FROM "Milestone") AS milestones, (SELECT count(*) FROM "Notice") AS notices, (SELECT count(*) FROM "ExtensionRequest") AS extensions,
    (SELECT count(*) FROM "DomainEvent") AS events, (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "Unit") AS units`)).rows[0];

  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`Data: ${JSON.stringify(counts)}\n`);
  console.log("| user | items (badge) | page data p50 ms | page data p95 ms | list p95 ms | bare list SQL p95 ms | list / bare | badge p95 ms | bare badge SQL p95 ms |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  const worst: number[] = [];
  for (const [label, user] of users) {
    // The supervisors' light changes count from their previous visit: three days back, as on every run of the page below.
    const seenAt = new Date(NOW.getTime() - 3 * 86_400_000);
    const reset = () => bare.query(`UPDATE "User" SET "myWorkSeenAt" = $2 WHERE id = $1`, [user.id, seenAt]);
    await reset();
    const items = await listMyWork(db, user, NOW, { settings });
    const badge = await countMyWork(db, user, NOW, settings);
    // The page: reads the settings, lists with the previous visit and records this one (put back, untimed, before each run).
    const page = await timeAfter(reset, () => loadMyWorkPage(db, user, NOW));
    const listSql = myWorkSql(user, { now: NOW, settings, seenAt });
    const [list, bareList] = await timeAlternately(
      () => listMyWork(db, user, NOW, { settings, seenAt }),
      () => bare.query(listSql.text, listSql.values as unknown[]),
    );
    const countSql = myWorkCountSql(user, { now: NOW, settings });
    const [count, bareCount] = await timeAlternately(
      () => countMyWork(db, user, NOW, settings),
      () => bare.query(countSql.text, countSql.values as unknown[]),
    );
    const [p50, p95, l95, b95, c95, bc95] = [percentile(page, 50), percentile(page, 95), percentile(list, 95), percentile(bareList, 95), percentile(count, 95), percentile(bareCount, 95)];
    worst.push(p95);
    console.log(
      `| ${label} | ${items.length} (${badge}) | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${l95.toFixed(1)} | ${b95.toFixed(1)} | ${(l95 / b95).toFixed(2)} | ${c95.toFixed(1)} | ${bc95.toFixed(1)} |`,
    );
  }
  console.log(`\nWorst page-data p95: ${Math.max(...worst).toFixed(1)} ms (target ≤ 100 ms, list ≤ 2× its bare SQL)`);
  await bare.end();
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
