// `npm run bench:attachments`: 20 files × 5 MB uploaded to one report through
// the production server (embedded database, demo accounts), one after the
// other and then 4 at a time: wall time, MB/s, and the server's peak resident
// memory above idle — which should stay far below the bytes sent, since
// uploads stream to the store and are never held whole.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { processTree, sampleProcesses } from "./load/proc-sampler";
import { sessionCookie } from "./load/sessions";
import { startServer } from "./load/server";

const FILES = Number(process.env.BENCH_FILES ?? 20);
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3470);
const DEMO_PASSWORD = "Luoshi-Demo-2026";

/** A PDF-looking body of the given size (random after the header, so nothing compresses it away). */
function fileOf(bytes: number): Buffer {
  return Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(bytes - 9)]);
}

async function upload(baseUrl: string, cookie: string, reportId: string, body: Buffer, name: string) {
  const form = new FormData();
  form.set("parentType", "report");
  form.set("parentId", reportId);
  form.set("file", new Blob([new Uint8Array(body)]), name);
  const response = await fetch(`${baseUrl}/api/v1/attachments`, { method: "POST", headers: { cookie, origin: baseUrl }, body: form });
  if (response.status !== 201) throw new Error(`Upload ${name}: HTTP ${response.status} ${await response.text()}`);
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "luoshi-bench-attachments-"));
  const server = await startServer(PORT, {
    DATABASE_URL: undefined,
    LUOSHI_DATA_DIR: dataDir,
    LUOSHI_DEMO: "1",
    LUOSHI_ATTACHMENT_PARENT_MAX_MB: String(FILES * FILE_MB * 3),
  });
  try {
    const cookie = await sessionCookie(server.baseUrl, "jinan.official", DEMO_PASSWORD);
    const period = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);
    const report = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: "POST",
      headers: { cookie, origin: server.baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ measureCode: "2.5.1", period, percentComplete: 10, progress: "bench", submit: false }),
    });
    if (!report.ok) throw new Error(`Draft report: HTTP ${report.status} ${await report.text()}`);
    const { id: reportId } = (await report.json()) as { id: string };
    const body = fileOf(FILE_MB * 1024 * 1024);
    const pids = () => processTree(server.pid);

    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = await sampleProcesses(pids).stop();
    const lines = [`# Attachments bench`, "", `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, embedded PGlite, disk store.`, ""];
    lines.push(`${FILES} files × ${FILE_MB} MB to one report; server idle RSS ${idle.peakRssMiB.toFixed(0)} MiB.`, "");
    lines.push("| run | wall time | MB/s | server CPU | peak RSS above idle |", "|---|---|---|---|---|");
    for (const parallel of [1, 4]) {
      const sampler = sampleProcesses(pids, 200);
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          while (next < FILES) {
            const index = next++;
            await upload(server.baseUrl, cookie, reportId, body, `bench-${parallel}-${index}.pdf`);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const usage = await sampler.stop();
      lines.push(
        `| ${parallel} at a time | ${seconds.toFixed(1)} s | ${((FILES * FILE_MB) / seconds).toFixed(1)} | ${usage.cpuPercent.toFixed(0)} % | ${(usage.peakRssMiB - idle.peakRssMiB).toFixed(0)} MiB |`,
      );
    }
    console.log(lines.join("\n"));
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
