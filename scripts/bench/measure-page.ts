// `npm run bench:measure-page [-- --database URL] [--runs N]`: what the measure page
// loads, as app/measures/[code]/page.tsx does (lib/measures/load-measure-page.ts with
// the forecast, then notices, files and credibility flags), on one measure with 200
// comments and 50 files, for an official of its lead unit and an inspector; p50/p95 over N runs,
// the SQL statements one view sends and this process's CPU per view (not PostgreSQL's).
// Without --database it builds its own copy of the bench:seed data (database luoshi_measurepage).
import pg from "pg";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { listAttachments } from "@/lib/attachments/list-attachments";
import { loadCredibilityFlags } from "@/lib/credibility/load-flags";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { loadMeasurePage } from "@/lib/measures/load-measure-page";
import { loadMeasureNotices } from "@/lib/notices/load-notice-page";
import { seedProvince } from "./seed";
import { machineLine, percentile, time } from "./stats";

/** Comments on the measure: 200, every tenth on one of its reports, some naming a person, a few deleted. */
const COMMENTS = 200;

/** Files (the 附件 tab): 50, 50 shown: every fifth on one of its reports, two more deleted. */
const ATTACHMENTS = 52;

/** What a busy measure carries besides its reports and milestones, each filler idempotent (rows carry a "bmp" prefix). */
const fillers: Record<string, (client: pg.Client, measureId: string) => Promise<void>> = {
  comments: async (client, measureId) => {
    await client.query(`DELETE FROM "Comment" WHERE id LIKE 'bmp%'`);
    await client.query(
      `WITH people AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM "User" WHERE active AND role <> 'VIEWER'),
        reports AS (SELECT id, row_number() OVER (ORDER BY period DESC) AS n, count(*) OVER () AS total FROM "ProgressReport" WHERE "measureId" = $1 AND state <> 'DRAFT')
      INSERT INTO "Comment" (id, "measureId", "reportId", "authorId", body, "createdAt", "deletedAt")
      SELECT 'bmp-c' || g, $1, CASE WHEN g % 10 = 0 THEN (SELECT id FROM reports WHERE n = 1 + g % GREATEST(total, 1)) END,
        (SELECT id FROM people WHERE n = 1 + g % total), repeat('请补充本月进展的量化数据。', 1 + g % 6) || E'\\n第二段说明。',
        now() - make_interval(hours => ${COMMENTS} - g), CASE WHEN g % 40 = 0 THEN now() END
      FROM generate_series(1, ${COMMENTS}) g`,
      [measureId],
    );
    await client.query(
      `INSERT INTO "CommentMention" ("commentId", "userId")
      SELECT c.id, u.id FROM "Comment" c CROSS JOIN LATERAL (SELECT id FROM "User" WHERE active ORDER BY md5(c.id || id) LIMIT 2) u
      WHERE c.id LIKE 'bmp%' AND right(c.id, 1) IN ('3', '7') ON CONFLICT DO NOTHING`,
    );
    await client.query(`ANALYZE "Comment"; ANALYZE "CommentMention"`);
  },
  // Rows only: the page lists files, it never reads their bytes.
  attachments: async (client, measureId) => {
    await client.query(`DELETE FROM "Attachment" WHERE id LIKE 'bmp%'`);
    await client.query(
      `WITH people AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM "User" WHERE active AND role = 'OFFICIAL'),
        reports AS (SELECT id, row_number() OVER (ORDER BY period DESC) AS n, count(*) OVER () AS total FROM "ProgressReport" WHERE "measureId" = $1 AND state <> 'DRAFT')
      INSERT INTO "Attachment" (id, "measureId", "reportId", "storageKey", "thumbnailKey", "originalName", "mimeType", size, sha256, "uploadedById", "createdAt", "deletedAt")
      SELECT 'bmp-a' || g, $1, CASE WHEN g % 5 = 0 THEN (SELECT id FROM reports WHERE n = 1 + g % GREATEST(total, 1)) END,
        'bmp-key-' || g, CASE WHEN g % 2 = 0 THEN 'bmp-thumb-' || g END, '现场照片' || g || CASE WHEN g % 2 = 0 THEN '.jpg' ELSE '.pdf' END,
        CASE WHEN g % 2 = 0 THEN 'image/jpeg' ELSE 'application/pdf' END, 5000000, md5(g::text) || md5(g::text),
        (SELECT id FROM people WHERE n = 1 + g % total), now() - make_interval(hours => ${ATTACHMENTS} - g), CASE WHEN g % 26 = 0 THEN now() END
      FROM generate_series(1, ${ATTACHMENTS}) g`,
      [measureId],
    );
    await client.query(`ANALYZE "Attachment"`);
  },
};

/** The page's reads in the page's order: the measure first, then its notices, files and (for reviewers) credibility flags together. */
async function loadPageData(db: PrismaClient, user: SessionUser, code: string) {
  const page = await loadMeasurePage(db, user, code, undefined);
  if (!page) throw new Error(`measure ${code} not found`);
  const submittedIds = can(user, "report.review") ? page.measure.progressReports.filter((report) => report.state === "SUBMITTED").map((report) => report.id) : [];
  const [, files] = await Promise.all([
    loadMeasureNotices(db, user, page.measure, page.today),
    listAttachments(db, user, page.measure.id),
    loadCredibilityFlags(db, submittedIds),
  ]);
  return { comments: page.comments.length, files: files.length };
}

/** Counts the statements sent on any pg connection (Prisma's adapter and sql-rows.ts both query through pg.Client). */
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  let url = argument("--database");
  const runs = Number(argument("--runs") ?? 30);
  if (!url) {
    console.log("Generating the province data (database luoshi_measurepage, about 3 minutes)…");
    url = (await seedProvince({ name: "luoshi_measurepage" })).url;
  }
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  // The measure with the most reports: the heaviest page besides its discussion.
  const { rows: [measure] } = await bare.query(
    `SELECT m.id, m.code, m."leadUnitId" FROM "Measure" m ORDER BY (SELECT count(*) FROM "ProgressReport" r WHERE r."measureId" = m.id) DESC, m.code LIMIT 1`,
  );
  for (const [name, fill] of Object.entries(fillers)) {
    console.log(`Adding ${name}…`);
    await fill(bare, measure.id);
  }
  const user = async (sql: string, values: unknown[]): Promise<SessionUser | null> => {
    const { rows } = await bare.query(`SELECT id, "loginName", "displayName", role, "unitId", false AS "mustChangePassword" FROM "User" WHERE active AND ${sql} ORDER BY id LIMIT 1`, values);
    return rows[0] ?? null;
  };
  const users: [string, SessionUser | null][] = [
    ["official of the lead unit", await user(`role = 'OFFICIAL' AND "unitId" = $1`, [measure.leadUnitId])],
    ["inspector", await user(`role = 'INSPECTOR'`, [])],
  ];
  const db = createPrismaClient(url);
  const counts = (await bare.query(
    `SELECT (SELECT count(*) FROM "ProgressReport" WHERE "measureId" = $1) AS reports, (SELECT count(*) FROM "Comment" WHERE "measureId" = $1) AS comments,
      (SELECT count(*) FROM "Attachment" WHERE "measureId" = $1 AND "deletedAt" IS NULL) AS files, (SELECT count(*) FROM "AuditEvent" WHERE "entityId" = $1) AS "auditEvents"`,
    [measure.id],
  )).rows[0];
  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`Measure ${measure.code}: ${JSON.stringify(counts)}, ${runs} runs\n`);
  console.log("| user | comments shown | files shown | statements | p50 ms | p95 ms | Node CPU ms per view |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [label, person] of users) {
    if (!person) continue;
    const before = statements;
    const shown = await loadPageData(db, person, measure.code);
    const sent = statements - before;
    for (let warmup = 0; warmup < 3; warmup++) await loadPageData(db, person, measure.code);
    const cpu = process.cpuUsage();
    const samples = await time(() => loadPageData(db, person, measure.code), { runs, warmup: 0 });
    const { user: userMicros, system } = process.cpuUsage(cpu);
    const cpuMs = (userMicros + system) / 1000 / runs;
    console.log(`| ${label} | ${shown.comments} | ${shown.files} | ${sent} | ${percentile(samples, 50).toFixed(1)} | ${percentile(samples, 95).toFixed(1)} | ${cpuMs.toFixed(1)} |`);
  }
  await db.$disconnect();
  await bare.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
