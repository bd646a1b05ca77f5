import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface AppProcess {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Ctrl-C, as a user would; resolves with the exit code. */
  interrupt: () => Promise<number | null>;
  /** kill -9 of the app's whole process group (start script, web server, embedded database): needs `detached`. */
  killGroup: () => Promise<void>;
}

/**
 * Runs `npm start`'s script (node scripts/start.mjs) with the given environment;
 * `detached`: in a process group of its own, for killGroup.
 */
export function launchApp(env: Record<string, string | undefined>, port?: number, { detached = false } = {}): AppProcess {
  const appPort = port ?? Number(env.PORT);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(appPort) };
  delete childEnv.DATABASE_URL;
  if (env.DATABASE_URL) childEnv.DATABASE_URL = env.DATABASE_URL;
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env: childEnv, stdio: "pipe", detached });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    port: appPort,
    baseUrl: `http://127.0.0.1:${appPort}`,
    child,
    output: () => output,
    exited,
    interrupt: async () => {
      if (child.exitCode === null) child.kill("SIGINT");
      return exited;
    },
    killGroup: async () => {
      if (!detached) throw new Error("killGroup needs launchApp(..., { detached: true })");
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
      await exited;
    },
  };
}

/** Waits until /api/health answers (any status), or fails with the app's output. */
export async function waitForHealth(app: AppProcess, timeoutMs = 180_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void app.exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`The app exited before answering:\n${app.output()}`);
    try {
      return await fetch(`${app.baseUrl}/api/health`);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`The app did not answer within ${timeoutMs} ms:\n${app.output()}`);
}

/** Runs the start script expecting it to fail; returns its exit code and output. */
export async function runToFailure(env: Record<string, string | undefined>, port: number) {
  const app = launchApp(env, port);
  const timer = setTimeout(() => app.child.kill("SIGKILL"), 120_000);
  const code = await app.exited;
  clearTimeout(timer);
  return { code, output: app.output() };
}

/** Signs in over HTTP as next-auth's own form would; returns the Cookie header to send. */
export async function loginCookie(app: AppProcess, username: string, password = "Luoshi-Demo-2026"): Promise<string> {
  const csrfResponse = await fetch(`${app.baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Login as ${username} failed (${response.status})`);
  return session.split(";")[0]!;
}
