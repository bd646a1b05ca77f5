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
import type { LedgerColumn } from "@/lib/ledger/schemas";
import type { Light } from "@/lib/tracking/light";

/** A ledger row ready to show: labels already in the user's language. */
export type LedgerViewRow = {
  id: string;
  code: string;
  title: string;
  area: string;
  leadUnit: string;
  dueDate: string;
  status: string;
  percent: number;
  light: Light;
  latestPeriod: string;
};

export type LedgerViewState = {
  sort: LedgerColumn;
  dir: "asc" | "desc";
  page: number;
  perPage: number;
  group?: "area" | "leadUnit";
  hide: LedgerColumn[];
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

const helper = createColumnHelper<typeof features, LedgerViewRow>();
const columns = helper.columns([
  helper.accessor("code", { id: "code", enableHiding: false }),
  helper.accessor("title", {
    id: "title",
    enableHiding: false,
    enableGrouping: false,
    cell: (info) => (
      <Link href={`/measures/${info.row.original.code}`} className="text-red-900 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("area", { id: "area" }),
  helper.accessor("leadUnit", { id: "leadUnit" }),
  helper.accessor("dueDate", { id: "dueDate", enableGrouping: false }),
  helper.accessor("status", { id: "status", enableGrouping: false }),
  helper.accessor("percent", { id: "percent", enableGrouping: false, cell: (info) => `${info.getValue()}%` }),
  helper.accessor("light", { id: "light", enableGrouping: false, cell: (info) => <LightBadge light={info.getValue()} /> }),
  helper.accessor("latestPeriod", { id: "latestPeriod", enableGrouping: false }),
]);

export function LedgerTable({ rows, total, state }: { rows: LedgerViewRow[]; total: number; state: LedgerViewState }) {
  const t = useTranslations("ledger");
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
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(state.hide.map((column) => [column, false]));
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
      navigate({ hide: Object.keys(next).filter((column) => next[column] === false).join(",") });
    },
    onGroupingChange: (updater) => navigate({ group: functionalUpdate(updater, grouping)[0] }),
  });

  const pages = Math.max(1, table.getPageCount());
  return (
    <div aria-busy={pending}>
      <div className="mb-2 flex flex-wrap items-center gap-4 text-sm">
        <p data-testid="ledger-total">{t("results", { total })}</p>
        <label className="flex items-center gap-1">
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
        <details className="relative">
          <summary className="cursor-pointer">{t("columns")}</summary>
          <fieldset className="absolute z-20 mt-1 flex flex-col gap-1 rounded border border-slate-200 bg-white p-2 shadow">
            <legend className="sr-only">{t("columns")}</legend>
            {table.getAllLeafColumns().map((column) => (
              <label key={column.id} className="flex items-center gap-1 whitespace-nowrap">
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  disabled={!column.getCanHide()}
                  onChange={(event) => column.toggleVisibility(event.target.checked)}
                />
                {t(`col_${column.id as LedgerColumn}`)}
              </label>
            ))}
          </fieldset>
        </details>
      </div>
      <div className="max-h-[70vh] overflow-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="sticky top-0 z-10 bg-slate-100 text-left">
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 whitespace-nowrap"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    >
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="hover:underline">
                        {t(`col_${header.column.id as LedgerColumn}`)}
                        <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
                      </button>
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
                className={`border-t border-slate-100 ${row.getIsGrouped() ? "bg-slate-50 font-medium" : "cursor-pointer hover:bg-red-50"}`}
                data-measure-code={row.getIsGrouped() ? undefined : row.original.code}
                // The whole row opens the measure; the title link does the same for keyboards.
                onClick={(event) => {
                  if (row.getIsGrouped() || (event.target as HTMLElement).closest("a, button")) return;
                  router.push(`/measures/${row.original.code}`);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
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
