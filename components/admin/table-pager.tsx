import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { adminHref, type TableParams } from "./admin-href";

/** Result count and previous/next links; the other parameters of the URL stay. */
export async function TablePager({ path, params, total, page, pageCount }: { path: string; params: TableParams; total: number; page: number; pageCount: number }) {
  const t = await getTranslations("adminTables");
  const link = "rounded border border-slate-300 bg-white px-3 py-1";
  return (
    <nav aria-label={t("pager")} className="flex flex-wrap items-center gap-3 text-sm">
      <span role="status" data-testid="table-results">{t("results", { total, page, pages: pageCount })}</span>
      {page > 1 ? (
        <Link href={adminHref(path, params, { page: page - 1, edit: undefined })} className={link} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span className={`${link} opacity-50`} aria-disabled="true">{t("previous")}</span>
      )}
      {page < pageCount ? (
        <Link href={adminHref(path, params, { page: page + 1, edit: undefined })} className={link} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span className={`${link} opacity-50`} aria-disabled="true">{t("next")}</span>
      )}
    </nav>
  );
}
