import type { PrismaClient } from "@/lib/db/create-client";
import type { LedgerQuery } from "@/lib/ledger/schemas";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { csvLine, UTF8_BOM } from "./csv";
import { ledgerExportBatches } from "./ledger-export-rows";

export interface LedgerCsvLabels {
  locale: string;
  columns: string[];
  light: (light: string) => string;
  sample: string;
  kpi: (values: { name: string; target: string; actual: string }) => string;
  investment: (values: { planned: string; completed: string }) => string;
}

/**
 * The ledger view as CSV (UTF-8 with BOM), streamed batch by batch: the same
 * filters and order as the table, the standard ledger columns, sample rows marked.
 */
export function ledgerCsvStream(db: PrismaClient, query: LedgerQuery, today: Date, settings: TrackingSettings, labels: LedgerCsvLabels) {
  const en = labels.locale === "en";
  const text = (zh: string, english: string) => (en ? english : zh);
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(labels.columns)));
        for await (const batch of ledgerExportBatches(db, query, today, settings)) {
          let chunk = "";
          for (const row of batch) {
            const { detail } = row;
            const report = detail.progressReports[0];
            chunk += csvLine([
              ++index,
              row.code,
              text(row.titleZh, row.titleEn),
              text(row.leadUnitZh, row.leadUnitEn),
              detail.cooperatingUnits.map(({ unit }) => text(unit.nameZh, unit.nameEn)).join(en ? "; " : "、"),
              detail.responsiblePerson,
              row.dueDate?.toISOString().slice(0, 10),
              report?.progress,
              report?.problems,
              report?.nextSteps,
              `${row.percentComplete}%`,
              labels.light(row.light),
              detail.kpiNameZh
                ? labels.kpi({
                    name: `${text(detail.kpiNameZh, detail.kpiNameEn ?? "")} (${detail.kpiUnit ?? ""})`,
                    target: detail.kpiTarget?.toString() ?? "",
                    actual: detail.kpiActual?.toString() ?? "",
                  })
                : "",
              detail.investmentPlanned
                ? labels.investment({ planned: detail.investmentPlanned.toString(), completed: detail.investmentCompleted?.toString() ?? "" })
                : "",
              row.isSample ? labels.sample : "",
            ]);
          }
          controller.enqueue(encoder.encode(chunk));
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
