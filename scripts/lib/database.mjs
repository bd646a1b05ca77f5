import pg from "pg";
import { StartupError } from "./startup-error.mjs";

/** Hides the password so a URL can be printed in messages and logs. */
export function redactDatabaseUrl(raw) {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable)";
  }
}

/** Throws a StartupError naming the problem when DATABASE_URL (or `name`) is not a PostgreSQL URL. */
export function parseDatabaseUrl(raw, name = "DATABASE_URL") {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new StartupError(
      `${name} is not a valid URL. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.`,
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new StartupError(
      `${name} must start with postgresql:// (got ${url.protocol}//). Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.`,
    );
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new StartupError(
      `${name} must name a host and a database, e.g. postgresql://USER:PASSWORD@HOST:5432/luoshi.`,
    );
  }
  return url;
}

/** Connects once and checks the server version, so a bad URL fails here in one line. */
export async function assertDatabaseReachable(raw, { timeoutMs = 8_000, name = "DATABASE_URL" } = {}) {
  parseDatabaseUrl(raw, name);
  const client = new pg.Client({ connectionString: raw, connectionTimeoutMillis: timeoutMs });
  // A dropped connection after connect would otherwise be an unhandled 'error' event.
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query("SHOW server_version_num");
    const version = Number(rows[0].server_version_num);
    if (version < 140000) {
      throw new StartupError(
        `PostgreSQL at ${redactDatabaseUrl(raw)} is version ${Math.floor(version / 10000)}; Luoshi needs 14 or newer.`,
      );
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`Cannot reach PostgreSQL at ${redactDatabaseUrl(raw)}: ${reason(error)}.`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
}

function reason(error) {
  if (error?.code === "ECONNREFUSED") return "connection refused (is the server running?)";
  if (error?.code === "ENOTFOUND") return "unknown host";
  if (error?.code === "3D000") return "the database does not exist";
  if (error?.code === "28P01" || error?.code === "28000") return "authentication failed";
  return error instanceof Error && error.message ? error.message : String(error);
}

/** True when the catalogue holds no measure yet, i.e. a first start needs the seed. */
export async function isCatalogueEmpty(raw) {
  const client = new pg.Client({ connectionString: raw });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM "Measure") AS "hasMeasures"');
    return !rows[0].hasMeasures;
  } finally {
    await client.end().catch(() => {});
  }
}
