// `npm run bench:seed [-- --seed N]`: the province-wide dataset of issue 7 on the
// PostgreSQL server (database luoshi_load, re-created): 16 cities, 1,500 units,
// 5,000 users, 10,000 measures with milestones, 5 years of monthly reports.
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedAll } from "@/prisma/seed/seed-all";
import { freshBenchDatabase } from "./bench-database";
import { generatedUserPassword, generateProvinceData, provinceVolume } from "./province-data";
import { machineLine } from "./stats";

export async function seedProvince({ seed = 42, name = "luoshi_load", volume = provinceVolume } = {}) {
  const url = await freshBenchDatabase(name);
  const db = createPrismaClient(url);
  await seedAll(db, { now: new Date("2026-11-28T04:00:00Z") });
  await db.$disconnect();
  const started = performance.now();
  const result = await generateProvinceData(url, { seed, volume, passwordHash: await hashPassword(generatedUserPassword) });
  return { url, seconds: (performance.now() - started) / 1000, ...result };
}

async function main() {
  const seedArgument = process.argv.indexOf("--seed");
  const seed = seedArgument > 0 ? Number(process.argv[seedArgument + 1]) : 42;
  const { url, seconds, counts, timings } = await seedProvince({ seed });
  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`Database: ${url}`);
  console.log(`Seed ${seed}: ${JSON.stringify(counts)} in ${seconds.toFixed(1)} s`);
  console.log(`Steps (ms): ${JSON.stringify(timings)}`);
  console.log(`Generated users sign in as load.user0001 … with the password ${generatedUserPassword}.`);
}

if (process.argv[1]?.endsWith("seed.ts")) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
