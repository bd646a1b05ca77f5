"use client";

import {
  columnGroupingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createExpandedRowModel,
  createGroupedRowModel,
  functionalUpdate,
  rowExpandingFeature,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { LightBadge } from "@/components/light/light-badge";
import { ForecastMarker } from "@/components/forecast/forecast-marker";
import { isSortableColumn, ledgerColumns, ledgerColumnsParam, type LedgerColumn, type SortableLedgerColumn } from "@/lib/ledger/ledger-columns";
import type { LedgerShownRow } from "@/lib/ledger/ledger-view-rows";
import { LedgerCards } from "./ledger-cards";
import { LedgerColumnChooser } from "./ledger-column-chooser";

export type LedgerViewState = {
  sort: SortableLedgerColumn;
  dir: "asc" | "desc";
  page: number;
  perPage: number;
  group?: "area" | "leadUnit";
  cols: LedgerColumn[];
};

// Server-side sorting and paging; grouping folds the rows of the page shown.
const features = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  rowPaginationFeature,
  columnGroupingFeature,
  groupedRowModel: createGroupedRowModel(),
  rowExpandingFeature,
  expandedRowModel: createExpandedRowModel(),
});

// Short values never wrap at desktop width; long texts wrap within a readable width.
const nowrap = "whitespace-nowrap";
const cellClass: Partial<Record<LedgerColumn, string>> = {
  code: `${nowrap} font-mono text-xs`,
  title: "min-w-[16rem]",
  area: "min-w-[8rem]",
  leadUnit: "min-w-[10rem]",
  cooperatingUnits: "min-w-[12rem]",
  responsiblePerson: nowrap,
  cities: "min-w-[6rem]",
  dueDate: nowrap,
  status: nowrap,
  percent: `${nowrap} text-right tabular-nums`,
  expectedPercent: `${nowrap} text-right tabular-nums`,
  light: nowrap,
  forecast: nowrap,
  latestPeriod: nowrap,
  latestState: nowrap,
  kpi: "min-w-[12rem]",
  investmentPlanned: `${nowrap} text-right tabular-nums`,
  investmentCompleted: `${nowrap} text-right tabular-nums`,
  progress: "min-w-[18rem] max-w-[28rem] whitespace-pre-line",
  problems: "min-w-[14rem] max-w-[24rem] whitespace-pre-line",
  nextSteps: "min-w-[14rem] max-w-[24rem] whitespace-pre-line",
  notices: "min-w-[10rem]",
};
// Columns that cannot group rows: per-measure values rather than shared labels.
const groupable: readonly LedgerColumn[] = ["area", "leadUnit"];

const helper = createColumnHelper<typeof features, LedgerShownRow>();
const columns = helper.columns(
  ledgerColumns.map((id) =>
    helper.accessor(id, {
      id,
      enableHiding: id !== "code" && id !== "title",
      enableSorting: isSortableColumn(id),
      enableGrouping: groupable.includes(id),
      cell:
        id === "title"
          ? (info) => (
              <Link href={`/measures/${info.row.original.code}`} className="text-red-900 hover:underline">
                {info.getValue() as string}
              </Link>
            )
          : id === "percent"
            ? (info) => `${info.getValue()}%`
            : id === "light"
              ? (info) => <LightBadge light={info.row.original.light} />
              : id === "forecast"
                ? (info) => (info.row.original.forecast ? <ForecastMarker forecast={info.row.original.forecast} /> : "—")
                : (info) => info.getValue() as string,
    }),
  ),
);

export function LedgerTable({ rows, total, state }: { rows: LedgerShownRow[]; total: number; state: LedgerViewState }) {
  const t = useTranslations("ledger");
  const tView = useTranslations("ledgerView");
  const tForecastViews = useTranslations("forecastViews");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  /** Writes table state into the URL; the server answers with the new page. */
  function navigate(changes: Record<string, string | undefined>) {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") params.delete(key);
      else params.set(key, value);
    }
    startTransition(() => router.push(`${pathname}?${params.toString()}`, { scroll: false }));
  }

  const sorting: SortingState = [{ id: state.sort, desc: state.dir === "desc" }];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(ledgerColumns.map((column) => [column, state.cols.includes(column)]));
  const pagination = { pageIndex: state.page - 1, pageSize: state.perPage };
  const grouping = state.group ? [state.group] : [];

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, columnVisibility, pagination, grouping },
    // Groups open, so grouping arranges the rows rather than hiding them.
    initialState: { expanded: true },
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      navigate({ sort: next?.id ?? "code", dir: next?.desc ? "desc" : "asc", page: undefined });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      navigate({ page: String(next.pageIndex + 1), perPage: String(next.pageSize) });
    },
    onColumnVisibilityChange: (updater) => {
      const next = functionalUpdate(updater, columnVisibility);
      navigate({ cols: ledgerColumnsParam(ledgerColumns.filter((column) => next[column] !== false)) });
    },
    onGroupingChange: (updater) => navigate({ group: functionalUpdate(updater, grouping)[0] }),
  });

  const pages = Math.max(1, table.getPageCount());
  return (
    <div aria-busy={pending}>
      <div className="mb-2 flex flex-wrap items-center gap-4 text-sm">
        <p data-testid="ledger-total">{t("results", { total })}</p>
        {/* Grouping and columns shape the desktop table; the phone shows cards. */}
        <label className="hidden items-center gap-1 sm:flex">
          {t("group")}
          <select
            value={state.group ?? ""}
            onChange={(event) => navigate({ group: event.target.value || undefined })}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            <option value="">{t("groupNone")}</option>
            <option value="area">{t("groupArea")}</option>
            <option value="leadUnit">{t("groupLeadUnit")}</option>
          </select>
        </label>
        <LedgerColumnChooser
          columns={table.getAllLeafColumns().map((column) => ({
            id: column.id as LedgerColumn,
            visible: column.getIsVisible(),
            fixed: !column.getCanHide(),
            toggle: (visible: boolean) => column.toggleVisibility(visible),
          }))}
        />
      </div>
      <div className="hidden max-h-[70vh] overflow-auto rounded border border-slate-200 bg-white sm:block">
        <table className="w-full text-sm">
          <thead className="sticky top-0 z-10 bg-slate-100 text-left">
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = header.column.id === "forecast" ? tForecastViews("column") : tView(`columns.${header.column.id as Exclude<LedgerColumn, "forecast">}`);
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 whitespace-nowrap"
                      aria-sort={header.column.getCanSort() ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="hover:underline">
                          {label}
                          <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={`border-t border-slate-100 align-top ${row.getIsGrouped() ? "bg-slate-50 font-medium" : "cursor-pointer hover:bg-red-50"}`}
                data-measure-code={row.getIsGrouped() ? undefined : row.original.code}
                // The whole row opens the measure; the title link does the same for keyboards.
                onClick={(event) => {
                  if (row.getIsGrouped() || (event.target as HTMLElement).closest("a, button")) return;
                  router.push(`/measures/${row.original.code}`);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-2 ${row.getIsGrouped() ? "" : (cellClass[cell.column.id as LedgerColumn] ?? "")}`}>
                    {cell.getIsGrouped() ? (
                      <button type="button" onClick={row.getToggleExpandedHandler()} aria-expanded={row.getIsExpanded()}>
                        {row.getIsExpanded() ? "▾ " : "▸ "}
                        <table.FlexRender cell={cell} /> ({t("groupRows", { count: row.subRows.length })})
                      </button>
                    ) : row.getIsGrouped() || cell.getIsPlaceholder() ? null : (
                      <table.FlexRender cell={cell} />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4">{t("empty")}</p>}
      </div>
      <LedgerCards rows={rows} />
      <nav className="mt-2 flex flex-wrap items-center gap-3 text-sm" aria-label={t("page", { page: state.page, pages })}>
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()} className="rounded border px-2 py-1 disabled:opacity-50">
          {t("previous")}
        </button>
        <span>{t("page", { page: state.page, pages })}</span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()} className="rounded border px-2 py-1 disabled:opacity-50">
          {t("next")}
        </button>
        <label className="flex items-center gap-1">
          {t("perPage")}
          <select value={state.perPage} onChange={(event) => navigate({ perPage: event.target.value, page: undefined })} className="rounded border border-slate-300 px-1 py-0.5">
            {[20, 50, 100, 200].map((size) => (
              <option key={size} value={size}>{size}</option>
            ))}
          </select>
        </label>
      </nav>
    </div>
  );
}
