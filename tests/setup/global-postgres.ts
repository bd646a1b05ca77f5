import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/scripts/lib/prisma-cli.mjs";
import { createScratchDatabase } from "./scratch-database";

/** A fresh database on the TEST_DATABASE_URL server, migrated, dropped afterwards. */
export default async function setup(project: TestProject) {
  const database = await createScratchDatabase("postgres", process.env.TEST_DATABASE_URL);
  try {
    await migrateDeploy(database.url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", "postgres");
  return database.drop;
}
