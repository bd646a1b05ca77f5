import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * Result count and previous/next links of a paged table (admin tables, review
 * queue). `hrefOf` builds a page's URL with the table's other parameters kept.
 * Not async and without client hooks, so server and client components both use it.
 */
export function TablePager({ total, page, pageCount, hrefOf }: { total: number; page: number; pageCount: number; hrefOf: (page: number) => string }) {
  const t = useTranslations("adminTables");
  const link = "rounded border border-slate-300 bg-white px-3 py-1";
  return (
    <nav aria-label={t("pager")} className="flex flex-wrap items-center gap-3 text-sm">
      <span role="status" data-testid="table-results">{t("results", { total, page, pages: pageCount })}</span>
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className={link} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span className={`${link} opacity-50`} aria-disabled="true">{t("previous")}</span>
      )}
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} className={link} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span className={`${link} opacity-50`} aria-disabled="true">{t("next")}</span>
      )}
    </nav>
  );
}
