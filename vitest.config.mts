import { defineConfig } from "vitest/config";

// Integration tests run on embedded PGlite always, and also on a PostgreSQL
// server when TEST_DATABASE_URL is set (each run in its own database).
const databaseProjects = [
  { name: "db:pglite", globalSetup: ["tests/setup/global-pglite.ts"] },
  ...(process.env.TEST_DATABASE_URL ? [{ name: "db:postgres", globalSetup: ["tests/setup/global-postgres.ts"] }] : []),
];

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    // CI also writes a JSON report, for .ci/run's one-line summary.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      ...databaseProjects.map((project) => ({
        extends: true as const,
        test: {
          ...project,
          include: ["tests/db/**/*.test.ts"],
          setupFiles: ["tests/setup/request-context.ts"],
          // One database per project, shared by its files: run them one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      })),
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 400_000,
        },
      },
    ],
  },
});
