import os from "node:os";
import type { CpuProfileRow } from "./cpu-profile";
import type { ProcessUsage } from "./proc-sampler";
import type { StageFigures } from "./run-stage";

export interface StageReport extends StageFigures {
  server: ProcessUsage;
  /** The PostgreSQL backends serving the test database (none for PGlite, which runs inside the server). */
  postgres: ProcessUsage | null;
  /** This load generator's own CPU (it runs on the same machine). */
  generatorCpuPercent: number;
  /** All CPU use on the machine during the stage, in % of one core. */
  machineCpuPercent: number;
}

export interface LoadReport {
  mode: "postgres" | "embedded" | "smoke";
  /** The Node.js version the server ran on. */
  serverNode: string;
  /** The machine's 1, 5 and 15 minute load averages at the end of the run (it is shared). */
  loadAverage: number[];
  /** Next.js instances served the traffic (side by side on this machine). */
  instances: number;
  machine: string;
  data: Record<string, number>;
  users: Record<string, number>;
  reportSlots: { available: number; currentMonth: number; used: number };
  stages: StageReport[];
  /** CPU per request of each type alone (--cpu-profile), or null. */
  cpuProfile: CpuProfileRow[] | null;
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0));

/** The figures as Markdown, ready for the README. */
export function markdownReport(report: LoadReport): string {
  const lines = [
    `Machine: ${report.machine}`,
    `Server on Node ${report.serverNode}; load average at the end ${report.loadAverage.map((value) => value.toFixed(2)).join(", ")} (1, 5, 15 min)`,
    `Data: ${Object.entries(report.data).map(([name, count]) => `${count.toLocaleString("en")} ${name}`).join(", ")}`,
    `Next.js instances: ${report.instances}`,
    `Signed-in users: ${Object.entries(report.users).map(([role, count]) => `${count} ${role.toLowerCase()}s`).join(", ")}`,
    `Report submissions: ${report.reportSlots.used} of ${report.reportSlots.available} free measure-months used (${report.reportSlots.currentMonth} of them in the current month)`,
    ...(report.cpuProfile ? ["", ...cpuProfileTable(report.cpuProfile)] : []),
    ...(report.stages.length ? stageTables(report) : []),
  ];
  return lines.join("\n");
}

const kB = (bytes: number) => (bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0);

/** CPU per request of each type alone, beside its bare SQL and its response size. */
export function cpuProfileTable(rows: CpuProfileRow[]): string[] {
  const lines = [
    `CPU per request, each type alone (${rows[0]?.requests ?? 0} requests; CPU from /proc, 10 ms ticks; bare SQL: the same requests' statements one at a time on a pg pool):`,
    "",
    "| request | server CPU ms | PostgreSQL CPU ms | total CPU ms | p50 ms | p99 ms | errors | bare SQL p50 ms | bare SQL PostgreSQL CPU ms | body kB | gzip kB | inline RSC kB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    const total = row.serverCpuMs + (row.postgresCpuMs ?? 0);
    const bare = row.bareSql ? [ms(row.bareSql.p50), row.bareSql.postgresCpuMs === null ? "–" : ms(row.bareSql.postgresCpuMs)] : ["none", "none"];
    lines.push(
      `| ${row.label} | ${ms(row.serverCpuMs)} | ${row.postgresCpuMs === null ? "– (in the server)" : ms(row.postgresCpuMs)} | ${ms(total)} | ${ms(row.p50)} | ${ms(row.p99)} | ${row.errors} | ${bare[0]} | ${bare[1]} | ${kB(row.bytes)} | ${kB(row.gzipBytes)} | ${row.rscBytes === null ? "–" : kB(row.rscBytes)} |`,
    );
  }
  lines.push("", "Bare SQL per type:", ...rows.map((row) => `- ${row.name}: ${row.bareSqlNote}`));
  return lines;
}

function stageTables(report: LoadReport): string[] {
  const lines = [
    "",
    "| stage | request | answered | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | 409 |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const stage of report.stages) {
    for (const type of stage.types) {
      const answered = type.ok + type.conflicts + type.wrongStatus;
      const wrong = Object.entries(type.statuses).filter(([status]) => Number(status) !== (type.name === "report" ? 201 : 200) && status !== "409");
      const errors = type.wrongStatus + type.unanswered;
      const errorNote = errors ? ` (${[...wrong.map(([status, count]) => `${count}× ${status}`), type.unanswered ? `${type.unanswered} unanswered` : ""].filter(Boolean).join(", ")})` : "";
      lines.push(
        `| ${stage.label} | ${type.label} | ${answered} | ${type.perSecond.toFixed(1)} | ${ms(type.p50)} | ${ms(type.p95)} | ${ms(type.p99)} | ${ms(type.max)} | ${errors}${errorNote} | ${type.name === "report" ? type.conflicts : "–"} |`,
      );
    }
    lines.push(`| ${stage.label} | **all** | ${stage.total} | ${stage.perSecond.toFixed(1)} | | | | | ${stage.socketErrors + stage.timeouts ? `${stage.socketErrors} socket errors, ${stage.timeouts} timeouts` : 0} | |`);
  }
  lines.push(
    "",
    "CPU in % of one core (the machine has " + os.cpus().length + "); \"other\" is everything else that ran on the machine meanwhile (other people's work).",
    "",
    "| stage | server CPU % | server peak RSS MiB | PostgreSQL backends CPU % | PostgreSQL backends peak RSS MiB | load generator CPU % | other CPU % | machine CPU % |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const stage of report.stages) {
    const other = stage.machineCpuPercent - stage.server.cpuPercent - (stage.postgres?.cpuPercent ?? 0) - stage.generatorCpuPercent;
    lines.push(
      `| ${stage.label} | ${stage.server.cpuPercent.toFixed(0)} | ${stage.server.peakRssMiB.toFixed(0)} | ${stage.postgres ? stage.postgres.cpuPercent.toFixed(0) : "– (in the server)"} | ${stage.postgres ? stage.postgres.peakRssMiB.toFixed(0) : "–"} | ${stage.generatorCpuPercent.toFixed(0)} | ${Math.max(0, other).toFixed(0)} | ${stage.machineCpuPercent.toFixed(0)} |`,
    );
  }
  return lines;
}
