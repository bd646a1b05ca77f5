"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { TablePager } from "@/components/layout/table-pager";
import { useEffect, useRef, useState, useTransition } from "react";
import type { FormAction } from "@/lib/auth/guard";
import { localized } from "@/lib/i18n/localized";
import { type ActionState, idleState } from "@/lib/errors/action-state";
import type { ReviewItem } from "@/lib/reviews/get-review-item";
import type { ReviewKind, ReviewQueueQuery } from "@/lib/reviews/schemas";
import type { Light } from "@/lib/tracking/light";
import { BulkApprove } from "./bulk-approve";
import { ReviewFilters, type ReviewFilterOptions } from "./review-filters";
import { ReviewPanel } from "./review-panel";
import { ReviewTable } from "./review-table";
import { type Toast, ToastMessage } from "./toast";

/** A queue row ready to show: labels already in the user's language. */
export type ReviewViewRow = {
  key: string;
  kind: ReviewKind;
  id: string;
  version: number;
  code: string;
  title: string;
  unit: string;
  period: string | null;
  waitingHours: number;
  light: Light;
  role: "lead" | "cooperating";
  /** Credibility flags of a report: still open, and explained (lib/credibility). */
  openFlags: number;
  explainedFlags: number;
};

export type Navigate = (changes: Record<string, string | undefined>) => void;

/**
 * The review queue: filters, the table, the panel of the open item, bulk
 * approval and the toast after each decision. All view state but the selection
 * lives in the URL; the server answers with the rows.
 */
export function ReviewQueue({ rows, matching, total, page, pageCount, query, options, item }: {
  /** One page of the rows the filters select. */
  rows: ReviewViewRow[];
  /** How many rows the filters select, over all pages; `total` is everything waiting. */
  matching: number;
  total: number;
  page: number;
  pageCount: number;
  query: ReviewQueueQuery;
  options: ReviewFilterOptions;
  /** The open item; null when the URL names one no longer waiting; undefined when none is open. */
  item: ReviewItem | null | undefined;
}) {
  const t = useTranslations("reviewQueue");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [toast, setToast] = useState<Toast | null>(null);
  const [selected, setSelected] = useState<Record<string, true>>({});

  // The query of the navigation still on its way: a change made meanwhile (a filter picked right
  // after closing the panel) builds on it, not on the URL shown, or it would undo the first change.
  const requested = useRef<string | null>(null);
  useEffect(() => {
    if (!pending) requested.current = null;
  }, [pending, searchParams]);

  const hrefWith = (changes: Record<string, string | undefined>, base = searchParams.toString()) => {
    const params = new URLSearchParams(base);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") params.delete(key);
      else params.set(key, value);
    }
    const search = params.toString();
    return search ? `${pathname}?${search}` : pathname;
  };
  // Any other change (filter, sort) starts again at the first page.
  const navigate: Navigate = (changes) => {
    const href = hrefWith("open" in changes ? changes : { page: undefined, ...changes }, requested.current ?? searchParams.toString());
    requested.current = href.includes("?") ? href.slice(href.indexOf("?") + 1) : "";
    startTransition(() => router.replace(href, { scroll: false }));
  };

  const openRow = rows.find((row) => row.key === query.open);
  /** Runs a decision of the panel; on success the toast names it and the panel closes (the row has left the queue). */
  async function decide(action: FormAction, formData: FormData, doneKey: string): Promise<ActionState> {
    const result = await action(idleState, formData);
    if (result.status === "success") {
      // The open item may be on another page (opened from a link): then its own names.
      const unit = openRow?.unit ?? (item?.unit ? localized(item.unit, "name", locale) : "");
      setToast({ message: t(doneKey, { measure: openRow?.code ?? item?.measure.code ?? "", unit }) });
      navigate({ open: undefined });
    }
    return result;
  }

  // Only reports still in the queue stay selected.
  const selectedRows = rows.filter((row) => row.kind === "report" && selected[row.key]);
  return (
    <div aria-busy={pending}>
      <ReviewFilters query={query} options={options} navigate={navigate} />
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <p data-testid="review-count">{t("shown", { shown: matching, total })}</p>
        <BulkApprove
          rows={selectedRows}
          onDone={(result) => {
            setSelected({});
            setToast(result);
          }}
        />
      </div>
      <ReviewTable rows={rows} query={query} navigate={navigate} selected={selected} onSelect={setSelected} />
      {rows.length === 0 && <p className="p-4">{total === 0 ? t("empty") : t("emptyFiltered")}</p>}
      {pageCount > 1 && (
        <div className="mt-2">
          <TablePager total={matching} page={page} pageCount={pageCount} hrefOf={(to) => hrefWith({ page: to === 1 ? undefined : String(to), open: undefined })} />
        </div>
      )}
      {item !== undefined && <ReviewPanel item={item} onClose={() => navigate({ open: undefined })} decide={decide} />}
      {toast && <ToastMessage toast={toast} onDismiss={() => setToast(null)} />}
    </div>
  );
}
