// `npm start`: build if needed, bring up the database (embedded PGlite unless
// DATABASE_URL is set), migrate, seed an empty catalogue, then serve Next.js.
import { spawn } from "node:child_process";
import path from "node:path";
import { resolveAuthSecret } from "./lib/auth-secret.mjs";
import { build, needsBuild } from "./lib/build.mjs";
import { assertDatabaseReachable, isCatalogueEmpty, redactDatabaseUrl } from "./lib/database.mjs";
import { demoModeFromEnv } from "./lib/demo-mode.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { assertPortFree, parsePort } from "./lib/port.mjs";
import { checkAppSettings } from "./lib/app-settings.mjs";
import { gateSettingsFromEnv } from "./lib/request-gate.mjs";
import { metricsSettingsFromEnv } from "../lib/observability/metrics.mjs";
import { bootstrapAccounts, migrateDeploy, seed } from "./lib/prisma-cli.mjs";
import { StartupError } from "./lib/startup-error.mjs";
import { supervisionSettingsFromEnv } from "./lib/supervision.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const log = (message) => console.log(`[luoshi] ${message}`);

let embedded = null;
let server = null;
let stopping = false;
let restartTimer = null;

async function main() {
  const port = parsePort(process.env.PORT ?? "3000");
  // The web server listens on loopback unless HOST is set (serve.mjs reads it too).
  const host = process.env.HOST || "127.0.0.1";
  const supervision = supervisionSettingsFromEnv();
  // The server reads these too; a bad value should stop the start here, in one clear line.
  gateSettingsFromEnv();
  try {
    metricsSettingsFromEnv();
  } catch (error) {
    throw new StartupError(error.message);
  }
  checkAppSettings();
  const demo = demoModeFromEnv();
  if (process.env.DATABASE_READ_URL && !process.env.DATABASE_URL) {
    throw new StartupError("DATABASE_READ_URL needs DATABASE_URL too: the embedded database has no replicas.");
  }
  await assertPortFree(port, host);

  if (!dev && needsBuild()) {
    log("Building the app (first start or changed sources)…");
    await build();
  }

  const dataRoot = path.resolve(process.env.LUOSHI_DATA_DIR ?? path.join(root, "data"));
  let databaseUrl = process.env.DATABASE_URL;
  const readUrl = process.env.DATABASE_READ_URL;
  if (databaseUrl) {
    await assertDatabaseReachable(databaseUrl);
    log(`Using PostgreSQL at ${redactDatabaseUrl(databaseUrl)}`);
    // A read replica gets its schema from the primary by replication: checked, never migrated.
    if (readUrl) {
      await assertDatabaseReachable(readUrl, { name: "DATABASE_READ_URL" });
      log(`Reading the ledger, timeline, measure list and exports from the replica at ${redactDatabaseUrl(readUrl)}`);
    }
  } else {
    const dataDir = path.join(dataRoot, "pglite");
    embedded = await startEmbeddedPostgres({ dataDir });
    databaseUrl = embedded.url;
    log(`Embedded PostgreSQL (PGlite) in ${dataDir}, serving ${redactDatabaseUrl(databaseUrl)}`);
  }

  log("Applying database migrations…");
  await migrateDeploy(databaseUrl);
  if (await isCatalogueEmpty(databaseUrl)) {
    log("Empty database: loading the catalogue and sample data…");
    await seed(databaseUrl, { demo });
  }
  // No known passwords outside demo mode: the first admin gets a one-time password, printed once.
  if (!demo) for (const line of await bootstrapAccounts(databaseUrl)) log(line);
  else log("Demo mode: demo accounts with the published password (LUOSHI_DEMO=0 turns it off).");

  // The build may have taken a while; check again right before binding.
  await assertPortFree(port, host);
  // Production runs Next.js behind the request gate (scripts/serve.mjs); dev runs `next dev` as it is.
  const [command, args] = dev
    ? [path.join(root, "node_modules", ".bin", "next"), ["dev", "-p", String(port), "-H", host]]
    : [process.execPath, [path.join(root, "scripts", "serve.mjs")]];
  const env = {
    ...process.env,
    ...(dev ? {} : { NODE_ENV: "production" }),
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: host,
    NEXTAUTH_SECRET: resolveAuthSecret(dataRoot),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    LUOSHI_DEMO: demo ? "1" : "0",
    // For the scheduled backup (lib/backup/backup-job.ts): DATABASE_URL above is the embedded one, served by this process.
    ...(embedded ? { LUOSHI_EMBEDDED: "1", LUOSHI_DATA_DIR: dataRoot } : {}),
  };
  // Supervision: a web server that dies is started again (the database stays up),
  // after a delay that doubles with each quick failure, up to a maximum.
  let delay = supervision.initialDelayMs;
  const startServer = () => {
    restartTimer = null;
    const startedAt = Date.now();
    server = spawn(command, args, { cwd: root, stdio: "inherit", env });
    log(`Web server started (pid ${server.pid})`);
    server.on("exit", (code, signal) => {
      server = null;
      if (stopping) return;
      // A server that ran a good while failed for a new reason: start again from the shortest delay.
      if (Date.now() - startedAt >= supervision.stableAfterMs) delay = supervision.initialDelayMs;
      log(`The web server stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it in ${delay} ms.`);
      restartTimer = setTimeout(startServer, delay);
      delay = Math.min(delay * 2, supervision.maxDelayMs);
    });
  };
  startServer();
  log(`Luoshi is starting on http://${host === "127.0.0.1" ? "localhost" : host}:${port} (Ctrl-C stops it)`);
}

async function shutdown(exitCode) {
  stopping = true;
  if (restartTimer) clearTimeout(restartTimer);
  if (server) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  // Closing PGlite flushes its files, so the next start finds the data intact.
  if (embedded) await embedded.stop();
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    log("Stopping…");
    void shutdown(0);
  });
}

main().catch(async (error) => {
  if (error instanceof StartupError) {
    console.error(`luoshi: ${error.message}`);
  } else {
    console.error(`luoshi: unexpected error: ${error instanceof Error ? error.message : error}`);
    if (process.env.LUOSHI_DEBUG) console.error(error);
  }
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(1);
});
