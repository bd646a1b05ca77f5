import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/scripts/lib/prisma-cli.mjs";
import { createScratchDatabase } from "./scratch-database";

/** One in-memory PGlite, migrated, for the db:pglite project's files. */
export default async function setup(project: TestProject) {
  const database = await createScratchDatabase("pglite");
  await migrateDeploy(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", "pglite");
  return database.drop;
}
