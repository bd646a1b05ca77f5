// `npm run bench:load`: logged-in traffic (dashboard, ledger, measure pages,
// report submissions, CSV export) against the production server at 50, 100 and
// 200 connections, with latency per request type and the server's CPU and
// memory; `--embedded` does the same on PGlite, `--smoke` is CI's tiny run.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { machineLine } from "./stats";
import { dropDatabase, embeddedVolume, provinceDatabaseUrl, rowCounts, smokeVolume, withEmbeddedData } from "./load/databases";
import { loadFixtures, type LoadFixtures } from "./load/fixtures";
import { requestPlanner, requestTypes } from "./load/mix";
import { parseLoadOptions, type LoadOptions } from "./load/options";
import { processTree, sampleMachine, sampleProcesses } from "./load/proc-sampler";
import { markdownReport, type LoadReport, type StageReport } from "./load/report";
import { runStage, type StageFigures } from "./load/run-stage";
import { runCpuProfile, type CpuProfileRow } from "./load/cpu-profile";
import { runThinkTimeStage } from "./load/think-time";
import { startServer, type StartedServer } from "./load/server";
import { signIn } from "./load/sessions";
import { seedProvince } from "./seed";

/** Enough free report months for every submission the stages could make (at a generous 300 req/s). */
function slotsNeeded(options: LoadOptions): number {
  const share = requestTypes.find((type) => type.name === "report")!.weight / requestTypes.reduce((sum, type) => sum + type.weight, 0);
  return Math.ceil(300 * options.duration * (options.stages.length + (options.think > 0 ? 2 : 0)) * share) + 2 * options.cpuProfile + 200;
}

interface Target {
  mode: LoadReport["mode"];
  /** A PostgreSQL server database to watch the backends of (not for PGlite). */
  databaseUrl: string | null;
  machine: string;
  data: Record<string, number>;
  fixtures: LoadFixtures;
  servers: (StartedServer | { baseUrl: string; pid: null; stop: () => Promise<void> })[];
  cleanUp: () => Promise<void>;
}

async function prepare(options: LoadOptions): Promise<Target> {
  const userCount = options.users || (options.stages.length ? Math.max(...options.stages) : 20);
  const slots = slotsNeeded(options);
  if (options.embedded) {
    // A scratch directory for the smoke run; the documented one otherwise (kept, so the volume is generated once).
    const dataRoot = options.smoke ? fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-load-smoke-")) : "/tmp/load-embedded";
    const volume = options.smoke ? smokeVolume : embeddedVolume;
    const { machine, data, fixtures } = await withEmbeddedData(dataRoot, volume, async (url) => ({
      machine: (await machineLine(url)).replace("PostgreSQL", "embedded PGlite, PostgreSQL"),
      data: await rowCounts(url),
      fixtures: await loadFixtures(url, userCount, slots),
    }));
    const cleanUp = async () => (options.smoke ? fs.rmSync(dataRoot, { recursive: true, force: true }) : undefined);
    const servers = await cleaningUpOnError(cleanUp, async () => [await startServer(options.port, { DATABASE_URL: undefined, LUOSHI_DATA_DIR: dataRoot }, options.serverNode)]);
    return { mode: options.smoke ? "smoke" : "embedded", databaseUrl: null, machine, data, fixtures, servers, cleanUp };
  }
  let databaseUrl = options.database ?? provinceDatabaseUrl();
  let cleanUp = async () => {};
  if (options.smoke) {
    const seeded = await seedProvince({ name: `luoshi_load_smoke_${process.pid}`, volume: smokeVolume });
    databaseUrl = seeded.url;
    cleanUp = () => dropDatabase(seeded.url);
  }
  const url = databaseUrl;
  return cleaningUpOnError(cleanUp, async () => {
    const machine = await machineLine(url);
    const data = await rowCounts(url);
    const fixtures = await loadFixtures(url, userCount, slots);
    const servers: Target["servers"] = [];
    if (options.url) servers.push({ baseUrl: options.url.replace(/\/$/, ""), pid: null, stop: async () => {} });
    try {
      // One after the other: the first start writes the session secret (data/auth-secret) the others then share.
      for (let i = 0; !options.url && i < options.instances; i++) {
        servers.push(await startServer(options.port + i, { DATABASE_URL: url, LUOSHI_DATA_DIR: undefined }, options.serverNode));
      }
    } catch (error) {
      for (const server of servers) await server.stop();
      throw error;
    }
    return { mode: options.smoke ? "smoke" : "postgres", databaseUrl: url, machine, data, fixtures, servers, cleanUp } satisfies Target;
  });
}

/** Runs `fn`; if it fails, removes the scratch data first (a smoke run leaves nothing behind). */
async function cleaningUpOnError<T>(cleanUp: () => Promise<void>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** The version of the Node.js binary the server runs on. */
function serverNodeVersion(node = process.execPath): string {
  return execFileSync(node, ["--version"]).toString().trim();
}

/** The pids of the PostgreSQL backends connected to the test database (other databases' work is not counted). */
function backendPids(client: pg.Client | null, database: string) {
  return async () => {
    if (!client) return [];
    const { rows } = await client.query("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
    return rows.map((row) => Number(row.pid));
  };
}

/**
 * Waits until every server answers /api/health within half a second (at most a
 * minute): a server that was overloaded is still working off requests whose
 * clients gave up, and the next stage should not pay for them.
 */
async function drain(baseUrls: string[]) {
  const deadline = Date.now() + 60_000;
  for (const baseUrl of baseUrls) {
    while (Date.now() < deadline) {
      const started = performance.now();
      const ok = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
      if (ok && performance.now() - started < 500) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Runs a stage while sampling the server's, the database's, this generator's and the machine's CPU and memory. */
async function measured(target: Target, watcher: pg.Client | null, stage: () => Promise<StageFigures>): Promise<StageReport> {
  const serverPids = target.servers.flatMap((server) => (server.pid ? [server.pid] : []));
  const server = sampleProcesses(() => serverPids.flatMap(processTree));
  const generator = sampleProcesses(() => [process.pid]);
  const machine = sampleMachine();
  const postgres = watcher ? sampleProcesses(backendPids(watcher, new URL(target.databaseUrl!).pathname.slice(1))) : null;
  const figures = await stage();
  return {
    ...figures,
    server: await server.stop(),
    postgres: postgres ? await postgres.stop() : null,
    generatorCpuPercent: (await generator.stop()).cpuPercent,
    machineCpuPercent: machine.stop(),
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const target = await prepare(options);
  const watcher = target.databaseUrl ? new pg.Client({ connectionString: target.databaseUrl }) : null;
  try {
    await watcher?.connect();
    const baseUrls = target.servers.map((server) => server.baseUrl);
    const baseUrl = baseUrls[0]!;
    console.log(`Signing in ${target.fixtures.users.length} users at ${baseUrl}…`);
    const cookies = await signIn(baseUrl, target.fixtures.users);
    const planner = requestPlanner(target.fixtures, { only: options.only });
    // Warm-up: every request type a few times, so the first stage does not pay for loading code.
    for (let i = 0; i < 3; i++) {
      for (const type of requestTypes) {
        const request = planner.of(type.name);
        await fetch(`${baseUrl}${request.path}`, {
          method: request.method,
          headers: { cookie: cookies.get(request.loginName)!, origin: baseUrl, "content-type": "application/json" },
          body: request.body,
        }).then((response) => response.arrayBuffer());
      }
    }
    let cpuProfile: CpuProfileRow[] | null = null;
    if (options.cpuProfile > 0) {
      await drain(baseUrls);
      const serverPids = target.servers.flatMap((server) => (server.pid ? [server.pid] : []));
      cpuProfile = await runCpuProfile({
        baseUrl,
        requests: options.cpuProfile,
        connections: options.profileConnections,
        plan: planner.of,
        cookies,
        serverPids: () => serverPids.flatMap(processTree),
        backendPids: watcher ? backendPids(watcher, new URL(target.databaseUrl!).pathname.slice(1)) : null,
        databaseUrl: target.databaseUrl,
        only: options.only,
      });
    }
    const stages: StageReport[] = [];
    for (const connections of options.stages) {
      await drain(baseUrls);
      console.log(`Stage: ${connections} connections for ${options.duration} s…`);
      stages.push(await measured(target, watcher, () => runStage(baseUrls, { connections, seconds: options.duration, next: planner.next, cookies })));
    }
    if (options.think > 0) {
      const users = Math.max(...options.stages);
      await drain(baseUrls);
      console.log(`Stage: ${users} users with ${options.think} s think time for ${options.duration * 2} s…`);
      stages.push(await measured(target, watcher, () => runThinkTimeStage(baseUrls, { users, thinkSeconds: options.think, seconds: options.duration * 2, next: planner.next, cookies })));
    }
    const users = Object.fromEntries(["OFFICIAL", "LEADER", "INSPECTOR", "VIEWER"].map((role) => [role, target.fixtures.users.filter((user) => user.role === role).length]));
    return {
      mode: target.mode,
      serverNode: serverNodeVersion(options.serverNode),
      loadAverage: os.loadavg(),
      instances: target.servers.length,
      machine: target.machine,
      data: target.data,
      users,
      reportSlots: { available: target.fixtures.reportSlots.length, currentMonth: target.fixtures.currentMonthSlots, used: planner.slotsUsed() },
      stages,
      cpuProfile,
    };
  } finally {
    await watcher?.end();
    for (const [i, server] of target.servers.entries()) {
      await server.stop();
      if (!("output" in server)) continue;
      // The server's own log (errors under load are explained there).
      const log = path.join(os.tmpdir(), `luoshi-bench-load-server-${process.pid}-${i + 1}.log`);
      fs.writeFileSync(log, server.output());
      console.log(`Server log: ${log}`);
    }
    await target.cleanUp();
  }
}

async function main() {
  const options = parseLoadOptions(process.argv.slice(2));
  const report = await runLoad(options);
  console.log(`\n${markdownReport(report)}`);
  if (options.json) fs.writeFileSync(options.json, JSON.stringify(report, null, 2));
}

if (process.argv[1]?.endsWith("load.ts")) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
