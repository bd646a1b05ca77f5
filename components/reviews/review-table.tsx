"use client";

import {
  createColumnHelper,
  functionalUpdate,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { LightBadge } from "@/components/light/light-badge";
import { reviewSorts, type ReviewQueueQuery, type ReviewSort } from "@/lib/reviews/schemas";
import { parsePeriod } from "@/lib/tracking/dates";
import type { Navigate, ReviewViewRow } from "./review-queue";

// Sorting is the server's (through the URL); selection is this page's, of reports only.
const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, ReviewViewRow>();
const columns = helper.columns([
  helper.display({ id: "select", enableSorting: false }),
  helper.accessor("code", { id: "code" }),
  helper.accessor("unit", { id: "unit" }),
  helper.accessor("period", { id: "period" }),
  helper.accessor("kind", { id: "kind", enableSorting: false }),
  helper.accessor("waitingHours", { id: "waiting" }),
  helper.accessor("light", { id: "light" }),
  helper.accessor("openFlags", { id: "flags", enableSorting: false }),
]);
/** Columns a phone leaves out: the measure cell repeats them in a line of its own. */
const wideOnly = new Set(["unit", "period", "kind", "waiting"]);

export function ReviewTable({ rows, query, navigate, selected, onSelect }: {
  rows: ReviewViewRow[];
  query: ReviewQueueQuery;
  navigate: Navigate;
  selected: RowSelectionState;
  onSelect: (selection: RowSelectionState) => void;
}) {
  const t = useTranslations("reviewQueue");
  const tAuthority = useTranslations("leadAuthority");
  const tCredibility = useTranslations("credibility");
  const format = useFormatter();
  const sorting: SortingState = [{ id: query.sort, desc: query.dir === "desc" }];
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.key,
    state: { sorting, rowSelection: selected },
    manualSorting: true,
    enableRowSelection: (row) => row.original.kind === "report",
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      const sort = reviewSorts.includes(next?.id as ReviewSort) ? (next!.id as ReviewSort) : "waiting";
      navigate({ sort: sort === "waiting" ? undefined : sort, dir: next?.desc ? "desc" : undefined });
    },
    onRowSelectionChange: (updater) => onSelect(functionalUpdate(updater, selected)),
  });

  const periodLabel = (period: string | null) => (period ? format.dateTime(parsePeriod(period), { year: "numeric", month: "long", timeZone: "UTC" }) : "—");
  const waiting = (hours: number) =>
    hours >= 24 ? t("waitingDays", { days: Math.floor(hours / 24), hours: hours % 24 }) : t("waitingHours", { hours });
  const roleMarker = (row: ReviewViewRow) => (
    <span title={row.role === "lead" ? tAuthority("reviewLead") : tAuthority("reviewCooperating")} className={`ml-1 rounded px-1 text-xs ${row.role === "lead" ? "bg-slate-100 text-slate-700" : "bg-sky-50 text-sky-900"}`}>
      {t(row.role)}
    </span>
  );

  return (
    <div className="overflow-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="sticky top-0 z-10 bg-slate-100 text-left">
          {table.getHeaderGroups().map((headerGroup) => (
            <tr key={headerGroup.id}>
              {headerGroup.headers.map((header) => {
                const id = header.column.id;
                const sorted = header.column.getIsSorted();
                const className = `px-3 py-2 whitespace-nowrap ${wideOnly.has(id) ? "hidden md:table-cell" : ""}`;
                if (id === "select") {
                  return (
                    <th key={header.id} scope="col" className={className}>
                      <input
                        type="checkbox"
                        aria-label={t("selectAll")}
                        className="size-5 md:size-4"
                        checked={table.getIsAllRowsSelected()}
                        ref={(input) => {
                          if (input) input.indeterminate = table.getIsSomeRowsSelected();
                        }}
                        onChange={table.getToggleAllRowsSelectedHandler()}
                      />
                    </th>
                  );
                }
                return (
                  <th key={header.id} scope="col" className={className} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="hover:underline">
                        {t(id === "code" ? "col_measure" : `col_${id as "unit"}`)}
                        <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
                      </button>
                    ) : id === "flags" ? (
                      tCredibility("column")
                    ) : (
                      t(`col_${id as "kind"}`)
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const view = row.original;
            const open = view.key === query.open;
            return (
              <tr
                key={row.id}
                data-review-key={view.key}
                data-kind={view.kind}
                data-measure-code={view.code}
                data-report-role={view.role}
                aria-current={open ? "true" : undefined}
                className={`cursor-pointer border-t border-slate-100 ${open ? "bg-red-50" : "hover:bg-slate-50"}`}
                // The whole row opens the panel; the measure's button does the same for keyboards.
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest("a, button, input, label")) return;
                  navigate({ open: view.key });
                }}
              >
                <td className="px-3 py-2">
                  {row.getCanSelect() && (
                    <input
                      type="checkbox"
                      aria-label={t("selectRow", { measure: view.code, unit: view.unit })}
                      className="size-5 md:size-4"
                      checked={row.getIsSelected()}
                      onChange={row.getToggleSelectedHandler()}
                    />
                  )}
                </td>
                <td className="px-3 py-2">
                  <button type="button" onClick={() => navigate({ open: view.key })} className="text-left text-red-900 hover:underline">
                    <span className="font-medium whitespace-nowrap">{view.code}</span> {view.title}
                  </button>
                  <p className="mt-0.5 text-xs text-slate-600 md:hidden">
                    {t(`kind_${view.kind}`)} · {view.unit}
                    {roleMarker(view)} · {view.period ? `${periodLabel(view.period)} · ` : ""}
                    {waiting(view.waitingHours)}
                  </p>
                </td>
                <td className="hidden px-3 py-2 md:table-cell">
                  {view.unit}
                  {roleMarker(view)}
                </td>
                <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">{periodLabel(view.period)}</td>
                <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">{t(`kind_${view.kind}`)}</td>
                <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">{waiting(view.waitingHours)}</td>
                <td className="px-3 py-2">
                  <LightBadge light={view.light} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap" data-open-flags={view.openFlags}>
                  {view.openFlags > 0 ? (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{tCredibility("openCount", { count: view.openFlags })}</span>
                  ) : view.explainedFlags > 0 ? (
                    <span className="text-xs text-slate-600">{tCredibility("explainedCount", { count: view.explainedFlags })}</span>
                  ) : (
                    <span className="text-xs text-slate-600">{view.kind === "report" ? tCredibility("noFlags") : ""}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
