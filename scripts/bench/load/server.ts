import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export interface StartedServer {
  baseUrl: string;
  /** The start script's pid: its process tree is the Next server (and PGlite, embedded). */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `node scripts/start.mjs` (builds if needed, migrates, then `next start`) with
 * the given database environment on the `node` binary (the start script runs
 * the server on the same one); resolves once /api/health answers 200.
 */
export async function startServer(port: number, env: Record<string, string | undefined>, node = process.execPath): Promise<StartedServer> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  // Every simulated user comes from this machine's one address: the gate's cap per
  // client address would otherwise turn most of them away (docs/security.md, "Request gate").
  childEnv.LUOSHI_MAX_PER_CLIENT ??= "1000000";
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const child: ChildProcess = spawn(node, ["scripts/start.mjs"], { cwd: root, env: childEnv, stdio: "pipe" });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (!gone) child.kill("SIGINT");
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15 * 60_000; // a first build takes minutes on a busy machine
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server exited before answering:\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { baseUrl, pid: child.pid!, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await stop();
  throw new Error(`The server did not answer /api/health in time:\n${output}`);
}
