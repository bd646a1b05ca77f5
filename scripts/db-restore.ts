// `npm run db:restore FILE [-- --yes]`: replaces the database and the attachments
// with a backup's (docs/operations.md). Luoshi must be stopped. Asks before
// changing anything unless --yes.
import path from "node:path";
import readline from "node:readline/promises";
import { BackupError } from "@/lib/backup/manifest";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { StartupError } from "./lib/startup-error.mjs";

const root = path.resolve(import.meta.dirname, "..");

async function ask(question: string): Promise<boolean> {
  if (process.argv.includes("--yes")) return true;
  if (!process.stdin.isTTY) throw new BackupError(`${question} Not a terminal to ask on: run again with --yes to go ahead.`);
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await prompt.question(`${question}\nType yes to go ahead: `)).trim().toLowerCase() === "yes";
  } finally {
    prompt.close();
  }
}

async function main() {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file) throw new BackupError("Usage: npm run db:restore FILE [-- --yes]");
  const started = performance.now();
  const result = await restoreBackup({ file, root, confirm: ask, log: (line) => console.log(`[luoshi] ${line}`) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `[luoshi] Restore done in ${seconds} s: backup of ${result.manifest.createdAt}, schema ${result.manifest.schemaVersion}` +
      (result.migrated.length ? `, then ${result.migrated.length} migration(s) applied` : "") + ".",
  );
  for (const aside of result.keptAside) console.log(`[luoshi] The previous data is kept in ${aside}; delete it once you are satisfied.`);
}

main().catch((error) => {
  if (error instanceof BackupError || error instanceof StartupError) console.error(`luoshi: ${error.message}`);
  else console.error(`luoshi: restore failed: ${error instanceof Error ? (process.env.LUOSHI_DEBUG ? error.stack : error.message) : error}`);
  process.exit(1);
});
