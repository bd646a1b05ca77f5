import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ADMIN_PAGE_SIZE } from "@/lib/users/schemas";

type Option = { value: string; label: string };
export type ToolbarFilter = { name: string; label: string; value: string | undefined; options: Option[] };

/**
 * The search box and filters of an admin table: a plain GET form, so the state
 * lands in the URL and the server answers with the first page of the result.
 */
export async function TableToolbar({ path, q, perPage, searchLabel, filters }: {
  path: string;
  q: string;
  perPage: number;
  searchLabel: string;
  filters: ToolbarFilter[];
}) {
  const t = await getTranslations("adminTables");
  return (
    <form method="get" action={path} role="search" className="flex flex-wrap items-end gap-2" data-testid="table-toolbar">
      {perPage !== ADMIN_PAGE_SIZE && <input type="hidden" name="perPage" value={perPage} />}
      <label className="flex min-w-0 grow flex-col gap-1 text-sm font-medium sm:grow-0">
        {searchLabel}
        <input type="search" name="q" defaultValue={q} className="rounded border border-slate-300 px-2 py-1 font-normal sm:w-64" />
      </label>
      {filters.map((filter) => (
        <label key={filter.name} className="flex flex-col gap-1 text-sm font-medium">
          {filter.label}
          <select name={filter.name} defaultValue={filter.value ?? ""} className="rounded border border-slate-300 px-2 py-1 font-normal">
            <option value="">{t("all")}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-sm text-white hover:bg-slate-900">
        {t("apply")}
      </button>
      <Link href={path} className="px-1 py-1 text-sm text-slate-600 underline">
        {t("clear")}
      </Link>
    </form>
  );
}
