// `npm run db:seed`: loads the catalogue and sample reports into DATABASE_URL, and
// the demo accounts only in demo mode (LUOSHI_DEMO=1).
import { createPrismaClient } from "@/lib/db/create-client";
import { isDemoMode } from "@/lib/demo/mode";
import { seedAll } from "./seed-all";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("db:seed: DATABASE_URL is not set. (`npm start` seeds the embedded database by itself.)");
    process.exit(1);
  }
  const db = createPrismaClient(url);
  try {
    const demo = isDemoMode();
    const result = await seedAll(db, { demo });
    console.log(
      `Seeded: ${result.createdMeasures} new measures, ${result.sampleReports} sample reports${demo ? ", demo accounts" : ""} (existing rows kept).`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
