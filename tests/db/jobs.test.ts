import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emitEvents } from "@/lib/events/emit-event";
import { type JobRunner, startJobRunner } from "@/lib/jobs/job-runner";
import { jobSettingsFromEnv } from "@/lib/jobs/job-settings";
import { startSmtpServer, startWebhookServer } from "../support/notify-servers";
import { seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
const root = path.resolve(import.meta.dirname, "..", "..");

async function until(condition: () => Promise<boolean>, what: string, limitMs = 120_000) {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const jobs = await db.$queryRawUnsafe(`SELECT name, state, retry_count, output::text FROM pgboss.job ORDER BY created_on DESC LIMIT 20`).catch((e) => String(e));
      const deliveries = await db.notificationDelivery.findMany({ where: { state: { not: "SENT" } }, take: 10 });
      const undispatched = await db.domainEvent.count({ where: { dispatchedAt: null } });
      throw new Error(`gave up waiting for ${what}: ${JSON.stringify({ jobs, deliveries, undispatched }, (_k, v) => (typeof v === "bigint" ? String(v) : v), 1)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Units with one official each (with a mail address) and a robot webhook per unit. */
async function seedAudience(units: number, webhookBase: string) {
  const suffix = uniqueSuffix();
  const rows = [];
  for (let i = 0; i < units; i += 1) {
    const unit = await seedUnit(db);
    await db.unit.update({ where: { id: unit.id }, data: { webhookUrl: `${webhookBase}/${suffix}/${i}` } });
    const official = await seedUser(db, "OFFICIAL", unit.id);
    const email = `u${i}.${suffix}@example.test`;
    await db.user.update({ where: { id: official.id }, data: { notificationEmail: email } });
    rows.push({ unit, official, email, path: `/${suffix}/${i}` });
  }
  return rows;
}

async function emitFor(unitIds: string[], count: number) {
  const events = Array.from({ length: count }, () => ({
    type: "notice.issued" as const,
    entityType: "Notice",
    entityId: `n-${uniqueSuffix()}`,
    audienceUnitIds: unitIds,
  }));
  await db.$transaction((tx) => emitEvents(tx, events));
}

/**
 * Mark what other test files left undelivered (events nobody dispatched, mails
 * not sent) as done, so the queue works on this file's events alone and these
 * counts are ours.
 */
async function quietOtherDeliveries() {
  await db.domainEvent.updateMany({ where: { dispatchedAt: null }, data: { dispatchedAt: new Date() } });
  await db.notificationDelivery.updateMany({ where: { state: { not: "SENT" } }, data: { state: "SENT" } });
}

describe("[JOBS] the pg-boss queue in one process (on this project's database, PGlite included)", () => {
  let runner: JobRunner;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let robot: Awaited<ReturnType<typeof startWebhookServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    robot = await startWebhookServer({ failFirst: 2 });
    await quietOtherDeliveries();
    // Mail settings come from the environment, as in the app.
    process.env.SMTP_URL = smtp.url;
    process.env.SMTP_FROM = "luoshi@example.test";
    runner = await startJobRunner({
      connectionString: inject("databaseUrl"),
      db,
      settings: { ...jobSettingsFromEnv({} as NodeJS.ProcessEnv), dispatchIntervalSeconds: 1, deliveryRetryDelaySeconds: 1, deliveryRetryLimit: 4, pool: 3 },
      log: () => {},
    });
  });
  afterAll(async () => {
    await runner?.stop();
    delete process.env.SMTP_URL;
    delete process.env.SMTP_FROM;
    await smtp.close();
    await robot.close();
  });

  it("dispatches by itself, sends mail, and retries a webhook that fails twice until it is received once", async () => {
    const [target] = await seedAudience(1, robot.url(""));
    await emitFor([target!.unit.id], 1);
    await until(async () => robot.calls.some((c) => c.path === target!.path) && smtp.mails.some((m) => m.to.includes(target!.email)), "the mail and the webhook call", 40_000);
    await until(async () => (await db.notificationDelivery.count({ where: { unitId: target!.unit.id, state: "SENT" } })) === 1, "the delivery marked sent");
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { unitId: target!.unit.id } });
    expect(delivery.attempts).toBe(3);
    expect(robot.calls.filter((c) => c.path === target!.path)).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.to.includes(target!.email))).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: target!.official.id } })).toBe(1);
  });
});

const fourInstancesReason = "needs TEST_DATABASE_URL: four processes share one PostgreSQL server (the embedded PGlite serves one process)";

describe.skipIf(inject("databaseKind") !== "postgres")(`[JOBS] four app instances against one PostgreSQL (${fourInstancesReason})`, () => {
  const children: ChildProcess[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let robot: Awaited<ReturnType<typeof startWebhookServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    robot = await startWebhookServer({ failFirst: 5 });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await smtp.close();
    await robot.close();
  });

  it("each mail and each webhook call is received exactly once", async () => {
    await quietOtherDeliveries();
    const audience = await seedAudience(3, robot.url(""));
    const unitIds = audience.map((a) => a.unit.id);
    // Events waiting before the instances start (all four race for them) …
    await emitFor(unitIds, 6);
    const outputs: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/support/job-instance.ts")], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: inject("databaseUrl"),
          LUOSHI_JOBS: "on",
          SMTP_URL: smtp.url,
          SMTP_FROM: "luoshi@example.test",
          LUOSHI_DISPATCH_INTERVAL_SECONDS: "1",
          LUOSHI_DELIVERY_RETRY_DELAY_SECONDS: "1",
          LUOSHI_DELIVERY_RETRY_LIMIT: "6",
          LUOSHI_JOBS_POOL: "3",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      outputs[i] = "";
      child.stdout!.on("data", (chunk: Buffer) => (outputs[i] += chunk.toString()));
      child.stderr!.on("data", (chunk: Buffer) => (outputs[i] += chunk.toString()));
      children.push(child);
    }
    await until(async () => outputs.every((o) => o.includes("JOBS-READY")), `four instances to start:\n${outputs.join("\n")}`);
    // … and events emitted while they run.
    await emitFor(unitIds, 4);
    const expected = 10 * audience.length;
    const ours = () => ({
      mails: smtp.mails.filter((m) => audience.some((a) => m.to.includes(a.email))).length,
      calls: robot.calls.filter((c) => audience.some((a) => c.path === a.path)).length,
    });
    await until(async () => ours().mails >= expected && ours().calls >= expected, "every mail and webhook call");
    await until(
      async () => (await db.notificationDelivery.count({ where: { OR: [{ unitId: { in: unitIds } }, { userId: { in: audience.map((a) => a.official.id) } }], state: { not: "SENT" } } })) === 0,
      "every delivery marked sent",
    );
    // Let the instances run further dispatch and delivery rounds, then stop them.
    await emitFor([], 1);
    await until(async () => (await db.domainEvent.count({ where: { dispatchedAt: null } })) === 0, "a later dispatch round");
    await Promise.all(children.map((child) => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM")))));

    expect(ours()).toEqual({ mails: expected, calls: expected });
    for (const a of audience) {
      expect(smtp.mails.filter((m) => m.to.includes(a.email))).toHaveLength(10);
      expect(robot.calls.filter((c) => c.path === a.path)).toHaveLength(10);
      expect(await db.notification.count({ where: { userId: a.official.id } })).toBe(10);
    }
  });
});
