import { spawn } from "node:child_process";
import path from "node:path";
import { StartupError } from "./startup-error.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command to completion, capturing its output for the error message. */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Applies the committed migrations (`prisma migrate deploy`). */
export async function migrateDeploy(databaseUrl) {
  const { code, output } = await run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: databaseUrl });
  if (code !== 0) {
    const detail = output.split("\n").filter((line) => /error|P\d{4}/i.test(line)).slice(0, 3).join(" ");
    throw new StartupError(`Database migration failed: ${detail || output.trim().split("\n").pop()}`);
  }
}

/** Loads the catalogue and sample data (`npm run db:seed`), and the demo accounts in demo mode. */
export async function seed(databaseUrl, { demo = false } = {}) {
  const { code, output } = await run(bin("tsx"), ["prisma/seed/index.ts"], {
    DATABASE_URL: databaseUrl,
    LUOSHI_DEMO: demo ? "1" : "0",
  });
  if (code !== 0) throw new StartupError(`Seeding failed: ${output.trim().split("\n").slice(-3).join(" ")}`);
  return output;
}

/**
 * Outside demo mode, on every start: replaces published demo passwords and
 * creates the first admin when there is none (scripts/admin-create.ts
 * --first-start). Returns the lines to print once (one-time passwords).
 */
export async function bootstrapAccounts(databaseUrl) {
  const { code, output } = await run(bin("tsx"), ["scripts/admin-create.ts", "--first-start"], { DATABASE_URL: databaseUrl });
  if (code !== 0) throw new StartupError(`Creating the first administrator failed: ${output.trim().split("\n").slice(-3).join(" ")}`);
  return output.trim().split("\n").filter(Boolean);
}
