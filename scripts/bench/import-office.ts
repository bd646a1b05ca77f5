// `npm run bench:import-office`: a 2,000-row task breakdown table as offices send it
// (title and sub-title rows, a blank row, a two-row header, 20 merged group rows,
// 重点任务 merged down, mixed deadline phrases, 300 distinct unit spellings, a 合计 row
// with a formula), previewed and confirmed through lib/measure-import on a fresh
// database of the PostgreSQL server of BENCH_DATABASE_URL (luoshi_bench_import).
// Prints the time and the peak extra memory (RSS above the level before the step,
// sampled every 10 ms) of the preview and of the confirm, and the load of the machine.
import os from "node:os";
import ExcelJS from "exceljs";
import { createPrismaClient } from "@/lib/db/create-client";
import { importMeasures, previewMeasureImport } from "@/lib/measure-import/import-measures";
import { freshBenchDatabase } from "./bench-database";
import { machineLine } from "./stats";

const GROUPS = 20;
const ROWS_PER_GROUP = 100;
const UNITS = 150;
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];
const CITIES = ["济南", "淄博", "泰安", "聊城", "德州", "滨州", "东营", "齐河", "章丘", "莱芜"];
const OFFICES = ["发展和改革委员会", "交通运输局", "工业和信息化局", "卫生健康委员会", "自然资源和规划局"];
const DEADLINES: (string | Date)[] = ["2021年12月底前", "2021年底", "2021年6月底", "2021.9", "2021年第三季度", "2022年", "2021-10-31", new Date(Date.UTC(2022, 2, 31)), "长期坚持", "持续推进", "2022年上半年", "2021年11月中旬"];

/** Unit i's name as the database holds it, and as offices write it (two spellings each: 300 in all). */
function unitName(i: number): string {
  return `${CITIES[i % CITIES.length]}市${Math.floor(i / CITIES.length) + 1}区${OFFICES[i % OFFICES.length]}`;
}
function spelling(i: number, variant: number): string {
  const name = unitName(i);
  if (variant === 0) return name;
  // The short forms people write: 发展改革委 for 发展和改革委员会, 卫生健康委 for 卫生健康委员会, 和 dropped.
  return ` ${name.replace("和", "").replace("委员会", "委")}\u3000`;
}

async function officeTable(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务分解表");
  sheet.addRow(["省会经济圈一体化发展重点任务分解表（基准）"]);
  sheet.mergeCells("A1:G1");
  sheet.addRow(["填报单位：省发展改革委", "", "", "", "", "填报时间：2021年3月"]);
  sheet.addRow([]);
  sheet.addRow(["序号", "重点任务", "具体措施", "责任单位", "", "完成时限", "备注"]);
  sheet.addRow(["", "", "", "牵头单位", "配合单位", "", ""]);
  sheet.mergeCells("D4:E4");
  let number = 0;
  for (let group = 0; group < GROUPS; group++) {
    const row = sheet.addRow([`${NUMERALS[group]}、基准领域${group + 1}`]);
    sheet.mergeCells(`A${row.number}:G${row.number}`);
    for (let k = 0; k < ROWS_PER_GROUP; k++) {
      number++;
      const lead = (number * 7) % UNITS;
      const cooperating = [1, 2].map((step) => spelling((lead + step * 11) % UNITS, (number + step) % 2));
      const separator = ["、", "；", "\n", "/"][number % 4];
      const added = sheet.addRow([
        number,
        k % 2 === 0 ? `重点任务${number}` : "",
        `具体措施${number}：推进第${number}项工作`,
        spelling(lead, number % 2),
        cooperating.join(separator),
        DEADLINES[number % DEADLINES.length],
        number % 50 === 0 ? "（已完成）" : "",
      ]);
      // 重点任务 merged down over each pair of rows.
      if (k % 2 === 1) sheet.mergeCells(`B${added.number - 1}:B${added.number}`);
    }
  }
  const last = sheet.rowCount;
  sheet.addRow(["合计", "", { formula: `COUNTA(C6:C${last})`, result: GROUPS * ROWS_PER_GROUP }]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakMiB: number; load: string }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - started, peakMiB: (peak - base) / 2 ** 20, load: os.loadavg()[0]!.toFixed(1) };
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  const url = await freshBenchDatabase("luoshi_bench_import");
  const db = createPrismaClient(url);
  const programme = await db.programme.create({ data: { code: "BENCH", titleZh: "基准规划", titleEn: "Benchmark programme", sortOrder: 1 } });
  await db.area.createMany({
    data: Array.from({ length: GROUPS }, (_, g) => ({ code: `BA${g + 1}`, programmeId: programme.id, titleZh: `基准领域${g + 1}`, titleEn: `Benchmark area ${g + 1}`, sortOrder: g })),
  });
  await db.unit.createMany({ data: Array.from({ length: UNITS }, (_, i) => ({ code: `bench-${i}`, nameZh: unitName(i), nameEn: `Bench unit ${i}`, kind: "OTHER" as const })) });
  const admin = await db.user.create({ data: { loginName: "bench.admin", displayName: "Bench admin", passwordHash: "!", role: "ADMIN" } });
  const user = { id: admin.id, loginName: admin.loginName, displayName: admin.displayName, role: admin.role, unitId: null, mustChangePassword: false };
  const bytes = await officeTable();
  const choice = { codePrefix: "BX" };

  console.log(`Machine: ${await machineLine(url)}`);
  console.log(`File: ${GROUPS * ROWS_PER_GROUP} task rows in ${GROUPS} groups, ${UNITS * 2} unit spellings, ${(bytes.length / 1024).toFixed(0)} KiB\n`);
  // Load Prisma's query engine and exceljs first: one-time costs of any process, not of an import.
  await db.measure.count();
  const preview = await measured(() => previewMeasureImport(db, bytes, choice));
  const plan = preview.result;
  if (plan.errors.length > 0) throw new Error(`The benchmark table should import cleanly: ${JSON.stringify(plan.errors.slice(0, 3))}`);
  const confirm = await measured(() => importMeasures(db, user, bytes, plan.fingerprint, choice));
  const again = await measured(() => previewMeasureImport(db, bytes, choice));

  console.log("| step | time | peak extra RSS | load (1 min) | result |");
  console.log("|---|---|---|---|---|");
  const line = (step: string, run: { ms: number; peakMiB: number; load: string }, result: string) =>
    console.log(`| ${step} | ${(run.ms / 1000).toFixed(2)} s | ${run.peakMiB.toFixed(0)} MiB | ${run.load} | ${result} |`);
  line("preview", preview, `${plan.creates.length} to create, ${plan.skippedRows.length} rows skipped, ${plan.warnings.length} warnings`);
  line("confirm", confirm, `${confirm.result.created} created`);
  line("preview again", again, `${again.result.unchanged} unchanged`);
  console.log("\nTargets: preview ≤ 5 s, confirm ≤ 10 s, peak ≤ 300 MB.");
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
