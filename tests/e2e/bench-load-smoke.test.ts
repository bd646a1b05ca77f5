import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, needsBuild } from "@/scripts/lib/build.mjs";
import type { LoadReport } from "@/scripts/bench/load/report";
import { requestTypes } from "@/scripts/bench/load/mix";
import { freePort, root } from "./app-process";

beforeAll(async () => {
  // The production build is shared with the other e2e files; build once, up front.
  if (needsBuild()) await build();
});

/** Runs `npm run bench:load -- --smoke …` (a stage of 5 connections after a CPU profile of 5 requests per type) and returns its JSON report and output. */
async function runSmoke(args: string[], env: Record<string, string>) {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-load-report-")), "report.json");
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/bench/load.ts", "--smoke", "--port", String(await freePort()), "--json", json, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: "pipe",
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`bench:load --smoke failed (${code}):\n${output}`);
  const report = JSON.parse(fs.readFileSync(json, "utf8")) as LoadReport;
  fs.rmSync(path.dirname(json), { recursive: true, force: true });
  return { report, output };
}

function expectEveryTypeAnsweredWithoutErrors(report: LoadReport) {
  expect(report.stages).toHaveLength(1);
  const [stage] = report.stages;
  expect(stage!.connections).toBe(5);
  expect(stage!.socketErrors + stage!.timeouts).toBe(0);
  expect(stage!.types.map((type) => type.name)).toEqual(requestTypes.map((type) => type.name));
  for (const type of stage!.types) {
    expect({ type: type.name, ok: type.ok > 0 }).toEqual({ type: type.name, ok: true });
    expect({ type: type.name, wrongStatus: type.wrongStatus, unanswered: type.unanswered, conflicts: type.conflicts, statuses: type.statuses }).toEqual({
      type: type.name,
      wrongStatus: 0,
      unanswered: 0,
      conflicts: 0,
      statuses: { [type.name === "report" ? "201" : "200"]: type.ok },
    });
    expect(type.p99).toBeGreaterThan(0);
  }
  expect(stage!.server.cpuPercent).toBeGreaterThan(0);
  expect(stage!.server.peakRssMiB).toBeGreaterThan(50);
}

/** The smoke's CPU profile: every type alone, answered without errors, with CPU, sizes and (on PostgreSQL) bare SQL where it exists. */
function expectCpuProfile(report: LoadReport, postgres: boolean) {
  const rows = report.cpuProfile!;
  expect(rows.map((row) => row.name)).toEqual(requestTypes.map((type) => type.name));
  for (const row of rows) {
    expect({ type: row.name, requests: row.requests, errors: row.errors }).toEqual({ type: row.name, requests: 5, errors: 0 });
    expect(row.bytes).toBeGreaterThan(0);
    expect(row.gzipBytes).toBeGreaterThan(0);
    expect(row.postgresCpuMs === null).toBe(!postgres);
    expect({ type: row.name, bare: row.bareSql !== null }).toEqual({ type: row.name, bare: postgres && ["dashboard", "ledger", "export"].includes(row.name) });
  }
  // The pages carry their RSC payload inline; the report and the CSV are not HTML.
  expect(rows.filter((row) => row.rscBytes !== null).map((row) => row.name)).toEqual(["dashboard", "ledger", "measure"]);
  // Ticks are 10 ms: over 25 requests the server spends at least one.
  expect(rows.reduce((sum, row) => sum + row.serverCpuMs, 0)).toBeGreaterThan(0);
}

describe("[LOAD] npm run bench:load -- --smoke", () => {
  it.runIf(process.env.TEST_DATABASE_URL)("answers every request type of the mix on PostgreSQL, with no errors, and prints the table", async () => {
    const { report, output } = await runSmoke([], { BENCH_DATABASE_URL: process.env.TEST_DATABASE_URL! });
    expect(report.mode).toBe("smoke");
    expectEveryTypeAnsweredWithoutErrors(report);
    expect(report.stages[0]!.postgres!.peakRssMiB).toBeGreaterThan(0);
    expect(report.reportSlots.used).toBeGreaterThan(0);
    expectCpuProfile(report, true);
    expect(output).toContain("| request | server CPU ms | PostgreSQL CPU ms | total CPU ms |");
    expect(output).toContain("| stage | request | answered | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | 409 |");
    expect(output).toMatch(/^Machine: .+ cores, .+PostgreSQL \d+/m);
  });

  it("does the same on the embedded PGlite", async () => {
    const { report } = await runSmoke(["--embedded"], {});
    expect(report.mode).toBe("smoke");
    expectEveryTypeAnsweredWithoutErrors(report);
    expect(report.stages[0]!.postgres).toBeNull();
    expectCpuProfile(report, false);
    expect(report.data.measures).toBeGreaterThan(150);
  });
});
