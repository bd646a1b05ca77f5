// `npm run bench:credibility [-- --database URL]`: the review queue with credibility flags at
// province volume (issue #20: 500 waiting reports, p95 ≤ 200 ms). Without --database it builds its
// own copy of the bench:seed data (database luoshi_credibility).
import pg from "pg";
import { loadCredibilityFlags } from "@/lib/credibility/load-flags";
import { getCredibilitySettings } from "@/lib/credibility/settings";
import { createPrismaClient } from "@/lib/db/create-client";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { reviewQueuePageSql } from "@/lib/reviews/review-queue-sql";
import { reviewQueueQuerySchema } from "@/lib/reviews/schemas";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { seedProvince } from "./seed";
import { machineLine, percentile, time } from "./stats";

const TODAY = new Date("2026-11-28T00:00:00Z");
const WAITING = 500;

/**
 * Exactly 500 reports waiting for review (idempotent): the newest reports of
 * the measures, as the data has them, turned SUBMITTED, all others of that
 * state put back to APPROVED.
 */
async function fiveHundredWaiting(client: pg.Client) {
  await client.query(`UPDATE "ProgressReport" SET state = 'APPROVED' WHERE state = 'SUBMITTED'`);
  await client.query(`
    UPDATE "ProgressReport" SET state = 'SUBMITTED' WHERE id IN (
      SELECT DISTINCT ON ("measureId") id FROM "ProgressReport" ORDER BY "measureId", period DESC LIMIT ${WAITING})`);
  await client.query(`ANALYZE "ProgressReport"`);
}

async function main() {
  const databaseArgument = process.argv.indexOf("--database");
  let url = databaseArgument > 0 ? process.argv[databaseArgument + 1] : undefined;
  if (!url) {
    console.log("Generating the province data (database luoshi_credibility, about 3 minutes)…");
    url = (await seedProvince({ name: "luoshi_credibility" })).url;
  }
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  await fiveHundredWaiting(bare);
  const db = createPrismaClient(url);
  const inspector = (await bare.query(`SELECT id, "loginName", "displayName", role, "unitId" FROM "User" WHERE role = 'INSPECTOR' AND active ORDER BY id LIMIT 1`)).rows[0];
  const user = { ...inspector, mustChangePassword: false };
  const [tracking, settings] = await Promise.all([getTrackingSettings(db), getCredibilitySettings(db)]);
  const counts = (await bare.query(`SELECT (SELECT count(*) FROM "Measure") AS measures, (SELECT count(*) FROM "ProgressReport") AS reports,
    (SELECT count(*) FROM "ProgressReport" WHERE state = 'SUBMITTED') AS waiting, (SELECT count(*) FROM "Milestone") AS milestones`)).rows[0];
  const waitingIds = (await bare.query(`SELECT id FROM "ProgressReport" WHERE state = 'SUBMITTED'`)).rows.map((row: { id: string }) => row.id);

  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`Data: ${JSON.stringify(counts)}\n`);
  const query = (extra: Record<string, string>) => reviewQueuePageQuery(extra);
  const cases: [string, () => Promise<unknown>][] = [
    // The queue's own page statement, no flags: what the flags add is the difference.
    ["queue page statement alone (no flags)", () => db.$queryRaw(reviewQueuePageSql({ userId: user.id, reports: true, extensions: true }, query({}), TODAY, tracking))],
    ["queue page (50 rows) with flags", () => listReviewQueue(db, user, query({}), TODAY, tracking)],
    ["queue page (200 rows) with flags", () => listReviewQueue(db, user, query({ perPage: "200" }), TODAY, tracking)],
    ["queue filtered to open flags (flags of all 500)", () => listReviewQueue(db, user, query({ flags: "open" }), TODAY, tracking)],
    ["flags of all 500 waiting reports (loader alone)", () => loadCredibilityFlags(db, waitingIds, { settings, reportingDay: tracking.reportingDay })],
  ];
  const flagged = await loadCredibilityFlags(db, waitingIds, { settings, reportingDay: tracking.reportingDay });
  const byRule = new Map<string, number>();
  for (const flags of flagged.values()) for (const flag of flags) byRule.set(flag.rule, (byRule.get(flag.rule) ?? 0) + 1);
  console.log(`Flags on the 500: ${JSON.stringify(Object.fromEntries(byRule))}\n`);
  console.log("| case | p50 ms | p95 ms |");
  console.log("|---|---|---|");
  for (const [label, run] of cases) {
    const samples = await time(run, { runs: 30, warmup: 3 });
    console.log(`| ${label} | ${percentile(samples, 50).toFixed(1)} | ${percentile(samples, 95).toFixed(1)} |`);
  }
  console.log("\nTarget: the review queue with flags for 500 waiting reports p95 ≤ 200 ms.");
  await bare.end();
  await db.$disconnect();
}

function reviewQueuePageQuery(extra: Record<string, string>) {
  return reviewQueueQuerySchema.parse(extra);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
