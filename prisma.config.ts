import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The schema reads env("DATABASE_URL"); without a value the CLI cannot read the
// generator block and falls back to downloading a native engine, which fails
// offline. `prisma generate` never connects, so a placeholder is enough for it.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";

// Prisma's native schema engine cannot be downloaded here, so the CLI migrates
// through the WASM engine over the `pg` driver (see ../shared/STACK.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
