import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The machine's PostgreSQL server binaries (Debian's postgresql package), newest version first; null without them. */
export function postgresBinDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((version) => path.join(base, version, "bin")).find((dir) => fs.existsSync(path.join(dir, "initdb")));
  return found ?? null;
}

export interface PostgresCluster {
  url: string;
  port: number;
  dataDir: string;
  /** `pg_ctl stop -m fast`: connections are terminated (57P01), then the server is gone. */
  stop: () => Promise<void>;
  /** `pg_ctl start`, resolving once it accepts connections. */
  start: () => Promise<void>;
  /** `pg_ctl restart -m fast`, resolving once it accepts connections again. */
  restart: () => Promise<void>;
  /** Stops the server and deletes its directory. */
  destroy: () => Promise<void>;
}

/**
 * A throw-away PostgreSQL cluster of the machine's binaries on its own port,
 * owned by the test: initdb refuses to run as root, so as root the cluster
 * belongs to the `postgres` user (runuser).
 */
export async function startPostgresCluster(port: number): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("No PostgreSQL server binaries under /usr/lib/postgresql");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chownSync(root, Number((await run("id", ["-u", "postgres"])).stdout.trim()), Number((await run("id", ["-g", "postgres"])).stdout.trim()));
  const as = (command: string, args: string[]) => (asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args]) as [string, string[]];
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "server.log");

  /** Runs a pg tool to completion; its output goes to the log file, never to an inherited pipe the server would keep open. */
  const pgTool = async (tool: string, args: string[]) => {
    const [command, commandArgs] = as(path.join(bin, tool), args);
    const child = spawn(command, commandArgs, { stdio: "ignore" });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`${tool} ${args.join(" ")} failed (${code}):\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : ""}`);
  };
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=50`;

  await pgTool("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  await pgTool("pg_ctl", ["-D", dataDir, "-o", options, "-l", logFile, "-w", "start"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () => pgTool("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]),
    start: () => pgTool("pg_ctl", ["-D", dataDir, "-o", options, "-l", logFile, "-w", "start"]),
    restart: () => pgTool("pg_ctl", ["-D", dataDir, "-o", options, "-l", logFile, "-m", "fast", "-w", "restart"]),
    destroy: async () => {
      await pgTool("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
