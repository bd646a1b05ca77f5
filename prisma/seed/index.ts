// `npm run db:seed`: loads the catalogue, demo accounts and sample reports into DATABASE_URL.
import { createPrismaClient } from "@/lib/db/create-client";
import { seedAll } from "./seed-all";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("db:seed: DATABASE_URL is not set. (`npm start` seeds the embedded database by itself.)");
    process.exit(1);
  }
  const db = createPrismaClient(url);
  try {
    const result = await seedAll(db);
    console.log(
      `Seeded: ${result.createdMeasures} new measures, ${result.sampleReports} sample reports (existing rows kept).`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
