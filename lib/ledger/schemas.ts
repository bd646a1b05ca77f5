import { MeasureStatus } from "@/generated/prisma/enums";
import { z } from "zod";
import { asOfSchema } from "@/lib/tracking/as-of";
import { lights } from "@/lib/tracking/light";
import { lenient } from "@/lib/validation/lenient";
import { calendarDayString } from "@/lib/validation/period";
import { defaultLedgerColumns, ledgerColumnsParam, parseLedgerColumns, sortableLedgerColumns, type LedgerColumn } from "./ledger-columns";

/** States a submitted report can be in (drafts are never a measure's latest report). */
export const latestReportStates = ["SUBMITTED", "APPROVED", "RETURNED"] as const;
export const monthReportFilters = ["due", "submitted", "approved", "missing"] as const;
/** The forecast classes the ledger filters by (lib/forecast). */
export const forecastFilters = ["WILL_MISS", "AT_RISK", "ON_COURSE", "INSUFFICIENT_HISTORY"] as const;
export type ForecastFilter = (typeof forecastFilters)[number];
export type MonthReportFilter = (typeof monthReportFilters)[number];

export type { LedgerColumn } from "./ledger-columns";

/** An optional filter from the URL: empty or malformed values simply mean "no filter". */
const optional = <T extends z.ZodType>(schema: T) =>
  lenient(z.preprocess((value) => (value === "" ? undefined : value), schema.optional()), undefined, schema);
const isoDate = calendarDayString();

/**
 * The ledger's filters, sorting, paging, grouping and hidden columns, as they
 * stand in the URL. The same schema serves the page, exports and the API.
 */
export const ledgerQuerySchema = z.object({
  q: optional(z.string().trim().max(100).meta({ description: "Text in the code or the Chinese or English title." })),
  programme: optional(z.string().max(32).meta({ description: "Programme code, e.g. P2." })),
  area: optional(z.string().max(32).meta({ description: "Area code, e.g. 2.1." })),
  city: optional(z.string().max(32).meta({ description: "City code, e.g. jinan." })),
  leadUnit: optional(z.string().max(40).meta({ description: "Lead unit code." })),
  /** The signed-in user's unit: measures it leads, or those it cooperates on. */
  myUnit: optional(z.enum(["lead", "cooperate"]).meta({ description: "Measures the caller's unit leads (lead) or cooperates on (cooperate); none without a unit." })),
  person: optional(z.string().trim().max(100).meta({ description: "Text in the measure's responsible person." })),
  status: optional(z.enum(MeasureStatus)),
  light: optional(z.enum(lights)),
  dueFrom: optional(isoDate.meta({ description: "Due on or after (YYYY-MM-DD)." })),
  dueTo: optional(isoDate.meta({ description: "Due on or before (YYYY-MM-DD)." })),
  /** The lead unit's latest submitted report (the dashboard's "report returned" list). */
  latestState: optional(z.enum(latestReportStates).meta({ description: "State of the lead unit's latest submitted report (as of asOf's month when given)." })),
  /** The lead unit's report of the month (asOf's, or this one): the dashboard's reporting cards. */
  monthReport: optional(
    z.enum(monthReportFilters).meta({
      description:
        "The lead unit's report of the month (asOf's, or the current one): due = a report is expected; submitted = expected and submitted or approved; approved = expected and approved; missing = expected and not submitted (none, a draft or returned).",
    }),
  ),
  /** The delivery forecast's class (as of asOf's month when given), docs/forecast.md. */
  forecast: optional(
    z.enum(forecastFilters).meta({
      description: "Delivery forecast class (docs/forecast.md): WILL_MISS, AT_RISK, ON_COURSE or INSUFFICIENT_HISTORY (fewer than 3 approved reports).",
    }),
  ),
  /** Show the ledger as it stood at the end of this month (YYYY-MM). */
  asOf: asOfSchema,
  sort: lenient(z.enum(sortableLedgerColumns).meta({ description: "Column to sort by." }), "code").default("code"),
  dir: lenient(z.enum(["asc", "desc"]), "asc").default("asc"),
  page: lenient(z.coerce.number().int().min(1).max(100_000).meta({ description: "Page, from 1." }), 1).default(1),
  perPage: lenient(z.coerce.number().int().min(10).max(200).meta({ description: "Rows per page (10–200)." }), 50).default(50),
  group: optional(z.enum(["area", "leadUnit"]).meta({ description: "Group rows (the page view)." })),
  /** Comma-separated columns to show (the table and the Excel export); unknown names are ignored. */
  cols: lenient(
    z.string().optional().transform((value): LedgerColumn[] => parseLedgerColumns(value)),
    [...defaultLedgerColumns],
    z.string().meta({ description: "Comma-separated columns to show (the page and the Excel export); unknown names are ignored." }),
  ),
});

/**
 * A parsed ledger query; `viewerUnitId` is not from the URL but the signed-in
 * user's unit, which the "my unit" filter needs (see withViewer).
 */
export type LedgerQuery = z.infer<typeof ledgerQuerySchema> & { viewerUnitId?: string | null };

/** The query with the viewer's unit, for the "my unit leads / cooperates" filter. */
export function withViewer<Q extends object>(query: Q, viewer: { unitId: string | null }): Q & { viewerUnitId: string | null } {
  return { ...query, viewerUnitId: viewer.unitId };
}

/** Parses Next.js searchParams (string | string[]) into a ledger query. */
export function parseLedgerQuery(searchParams: Record<string, string | string[] | undefined>): LedgerQuery {
  // The column chooser's form without JavaScript sends cols=a&cols=b.
  const flat = Object.fromEntries(
    Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? (key === "cols" ? value.join(",") : value[0]) : value]),
  );
  return ledgerQuerySchema.parse(flat);
}

/** The URL search string of a query, leaving out defaults so links stay short. */
export function ledgerSearchParams(query: Partial<LedgerQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    // The viewer's unit is the session's, never part of a link.
    if (key === "viewerUnitId") continue;
    if (key === "cols") {
      const cols = ledgerColumnsParam(value as LedgerColumn[]);
      if (cols) params.set(key, cols);
      continue;
    }
    if ((key === "sort" && value === "code") || (key === "dir" && value === "asc") || (key === "page" && value === 1) || (key === "perPage" && value === 50)) continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params;
}
