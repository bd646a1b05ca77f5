import { getTranslations } from "next-intl/server";
import { TablePager } from "@/components/layout/table-pager";
import { adminHref, type TableParams } from "./admin-href";
import { EditDrawer } from "./edit-drawer";
import { TableToolbar, type ToolbarFilter } from "./table-toolbar";

/** Phone: each row becomes a card, each cell labelled by its column's name (the first, a link, needs none). */
export const firstCellClass = "px-2 py-1.5 max-sm:block max-sm:p-0";
export const cellClass = `${firstCellClass} max-sm:before:mr-2 max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]`;
export const rowClass = "border-b border-slate-200 max-sm:block max-sm:rounded max-sm:border max-sm:bg-white max-sm:p-3";

/**
 * An admin table page's frame (users, units): the search and filter toolbar,
 * the pager, the table's head with one page of rows (cards on a phone) and the
 * edit drawer that `?edit=<id>` opens. All state is in the URL `path` + `params`.
 */
export async function PagedTableShell({ path, params, search, filters, paging, table, drawer }: {
  path: string;
  params: TableParams & { q: string; perPage: number };
  search: string;
  filters: ToolbarFilter[];
  paging: { total: number; page: number; pageCount: number };
  table: { testId: string; columns: string[]; rowCount: number; rows: React.ReactNode };
  /** Open when the URL names a row to edit; `form` is null when that row is gone. */
  drawer: { title: string; form: React.ReactNode } | null;
}) {
  const t = await getTranslations("adminTables");
  return (
    <>
      <TableToolbar path={path} q={params.q} perPage={params.perPage} searchLabel={search} filters={filters} />
      <TablePager {...paging} hrefOf={(page) => adminHref(path, params, { page })} />
      {table.rowCount === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm max-sm:block max-sm:bg-transparent" data-testid={table.testId}>
          <thead className="border-b border-slate-300 text-left max-sm:hidden">
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col" className="px-2 py-1.5 font-medium whitespace-nowrap">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-2">{table.rows}</tbody>
        </table>
      )}
      {drawer && (
        <EditDrawer title={drawer.title} closeHref={adminHref(path, params)} closeLabel={t("close")} testId="edit-drawer">
          {drawer.form}
        </EditDrawer>
      )}
    </>
  );
}
