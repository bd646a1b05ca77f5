// `npm run admin:create [-- LOGIN]`: creates an administrator, or gives an
// existing one a new one-time password, printed once; it must be changed at
// first sign-in. Uses DATABASE_URL, else opens the embedded database in
// LUOSHI_DATA_DIR (default data/) while `npm start` is not running.
//
// `--first-start` (run by `npm start` outside demo mode, not by hand): replaces
// any published demo password and creates the first admin if there is none.
import path from "node:path";
import { createPrismaClient } from "@/lib/db/create-client";
import { createOrResetAdmin, ensureFirstAdmin, replacePublishedPasswords, type OneTimePassword } from "@/lib/users/bootstrap-admin";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { StartupError } from "./lib/startup-error.mjs";

let printed = 0;
function print(entry: OneTimePassword, why: string) {
  printed += 1;
  console.log(`${why}: login "${entry.loginName}", one-time password: ${entry.temporaryPassword}`);
}

async function main() {
  const args = process.argv.slice(2);
  const firstStart = args.includes("--first-start");
  const loginName = args.find((arg) => !arg.startsWith("--"));
  let embedded: { url: string; stop: () => Promise<void> } | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataRoot = path.resolve(process.env.LUOSHI_DATA_DIR ?? path.join(import.meta.dirname, "..", "data"));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "pglite") });
    url = embedded.url;
  }
  const db = createPrismaClient(url, { max: 2 });
  try {
    if (firstStart) {
      for (const entry of await replacePublishedPasswords(db)) {
        print(entry, "The account had the published demo password, now replaced");
      }
      const admin = await ensureFirstAdmin(db);
      if (admin) print(admin, "No administrator yet: created the first one");
    } else {
      const admin = await createOrResetAdmin(db, loginName);
      print(admin, admin.created ? "Administrator created" : "Administrator's password reset");
    }
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

main().then(
  () => {
    if (printed) console.log("Shown only this once: hand it over safely; it must be changed at first sign-in.");
  },
  (error) => {
    const message = error instanceof StartupError || error instanceof Error ? error.message : String(error);
    console.error(`admin:create failed: ${message}`);
    process.exit(1);
  },
);
