import type { ProcessUsage } from "./proc-sampler";
import type { StageFigures } from "./run-stage";

export interface StageReport extends StageFigures {
  server: ProcessUsage;
  /** The PostgreSQL backends serving the test database (none for PGlite, which runs inside the server). */
  postgres: ProcessUsage | null;
}

export interface LoadReport {
  mode: "postgres" | "embedded" | "smoke";
  machine: string;
  data: Record<string, number>;
  users: Record<string, number>;
  reportSlots: { available: number; currentMonth: number; used: number };
  stages: StageReport[];
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0));

/** The figures as Markdown, ready for the README. */
export function markdownReport(report: LoadReport): string {
  const lines = [
    `Machine: ${report.machine}`,
    `Data: ${Object.entries(report.data).map(([name, count]) => `${count.toLocaleString("en")} ${name}`).join(", ")}`,
    `Signed-in users: ${Object.entries(report.users).map(([role, count]) => `${count} ${role.toLowerCase()}s`).join(", ")}`,
    `Report submissions: ${report.reportSlots.used} of ${report.reportSlots.available} free measure-months used (${report.reportSlots.currentMonth} of them in the current month)`,
    "",
    "| connections | request | answered | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | 409 |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const stage of report.stages) {
    for (const type of stage.types) {
      const answered = type.ok + type.conflicts + type.wrongStatus;
      const wrong = Object.entries(type.statuses).filter(([status]) => Number(status) !== (type.name === "report" ? 201 : 200) && status !== "409");
      const errors = type.wrongStatus + type.unanswered;
      const errorNote = errors ? ` (${[...wrong.map(([status, count]) => `${count}× ${status}`), type.unanswered ? `${type.unanswered} unanswered` : ""].filter(Boolean).join(", ")})` : "";
      lines.push(
        `| ${stage.connections} | ${type.label} | ${answered} | ${type.perSecond.toFixed(1)} | ${ms(type.p50)} | ${ms(type.p95)} | ${ms(type.p99)} | ${ms(type.max)} | ${errors}${errorNote} | ${type.name === "report" ? type.conflicts : "–"} |`,
      );
    }
    lines.push(`| ${stage.connections} | **all** | ${stage.total} | ${stage.perSecond.toFixed(1)} | | | | | ${stage.socketErrors + stage.timeouts ? `${stage.socketErrors} socket errors, ${stage.timeouts} timeouts` : 0} | |`);
  }
  lines.push("", "| connections | server CPU % (200 % = both cores) | server peak RSS MiB | PostgreSQL backends CPU % | PostgreSQL backends peak RSS MiB |", "|---:|---:|---:|---:|---:|");
  for (const stage of report.stages) {
    lines.push(
      `| ${stage.connections} | ${stage.server.cpuPercent.toFixed(0)} | ${stage.server.peakRssMiB.toFixed(0)} | ${stage.postgres ? stage.postgres.cpuPercent.toFixed(0) : "– (in the server)"} | ${stage.postgres ? stage.postgres.peakRssMiB.toFixed(0) : "–"} |`,
    );
  }
  return lines.join("\n");
}
