import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { dashboardStatements } from "@/lib/dashboard/get-dashboard-data";
import { dashboardQuerySchema } from "@/lib/dashboard/schemas";
import { trendStartSql, trendStatements } from "@/lib/dashboard/trend";
import { ledgerSql } from "@/lib/ledger/list-ledger";
import { ledgerQuerySchema } from "@/lib/ledger/schemas";
import { defaultTrackingSettings } from "@/lib/tracking/settings";
import type { PlannedRequest, RequestTypeName } from "./mix";

/** The export's batch size (lib/exports/ledger-export-rows.ts). */
const EXPORT_BATCH = 200;

export interface BareSql {
  /** What the bare figure covers, or why there is none. */
  note: string;
  /** Runs the request's statements on the pool as the app runs them; null: no bare statement exists. */
  run: ((planned: PlannedRequest, pool: pg.Pool, today: Date) => Promise<void>) | null;
}

const paramsOf = (planned: PlannedRequest) => Object.fromEntries(new URL(planned.path, "http://x").searchParams);
const query = (pool: pg.Pool, sql: Prisma.Sql) => pool.query(sql.text, sql.values as unknown[]);

/**
 * The bare SQL behind each request type, reused from the benchmarks that time
 * it (bench:dashboard, bench:ledger); with the default tracking settings.
 */
export const bareSqlOf: Record<RequestTypeName, BareSql> = {
  dashboard: {
    note: "dashboardStatements + trendStatements + trendStartSql, concurrently (as bench:dashboard)",
    run: async (planned, pool, today) => {
      const parsed = dashboardQuerySchema.parse(paramsOf(planned));
      const statements = [
        ...Object.values(dashboardStatements(parsed, today, defaultTrackingSettings)),
        ...trendStatements(parsed, today, defaultTrackingSettings),
        trendStartSql(parsed, today),
      ];
      await Promise.all(statements.map((sql) => query(pool, sql)));
    },
  },
  ledger: {
    note: "ledgerSql (as bench:ledger); not the filter options or row details",
    run: async (planned, pool, today) => {
      await query(pool, ledgerSql(ledgerQuerySchema.parse(paramsOf(planned)), today, defaultTrackingSettings));
    },
  },
  measure: { note: "none: the page reads through Prisma (bench:measure-page times those reads)", run: null },
  report: { note: "none: no bare statement of the submission exists", run: null },
  export: {
    note: "ledgerSql per 200-row batch; not the batches' detail reads (Prisma)",
    run: async (planned, pool, today) => {
      const parsed = ledgerQuerySchema.parse(paramsOf(planned));
      for (let page = 1; ; page++) {
        const { rows } = await query(pool, ledgerSql({ ...parsed, page, perPage: EXPORT_BATCH }, today, defaultTrackingSettings));
        if (rows.length < EXPORT_BATCH) return;
      }
    },
  },
};
