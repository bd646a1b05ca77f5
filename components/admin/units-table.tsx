import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { UnitPageRow } from "@/lib/units/list-units-page";
import { adminHref, type TableParams } from "./admin-href";

/** Phone: each row becomes a card, each cell labelled by its column's name (the first, a link, needs none). */
const firstCell = "px-2 py-1.5 max-sm:block max-sm:p-0";
const cell = `${firstCell} max-sm:before:mr-2 max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]`;

/** One page of units; the code opens the edit drawer. */
export async function UnitsTable({ rows, params }: { rows: UnitPageRow[]; params: TableParams }) {
  const [t, tTables, tKinds, locale] = await Promise.all([
    getTranslations("adminUnits"),
    getTranslations("adminTables"),
    getTranslations("unitKinds"),
    getLocale(),
  ]);
  if (rows.length === 0) return <p className="text-sm text-slate-600">{tTables("empty")}</p>;
  const columns = [t("code"), tTables("name"), t("kind"), tTables("city"), t("users"), t("measures"), tTables("state")];
  return (
    <table className="w-full border-collapse bg-white text-sm max-sm:block max-sm:bg-transparent" data-testid="units-table">
      <thead className="border-b border-slate-300 text-left max-sm:hidden">
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className="px-2 py-1.5 font-medium whitespace-nowrap">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-2">
        {rows.map((unit) => (
          <tr key={unit.id} className="border-b border-slate-200 max-sm:block max-sm:rounded max-sm:border max-sm:bg-white max-sm:p-3" data-unit-row={unit.code}>
            <td className={`${firstCell} font-mono whitespace-nowrap`}>
              <Link href={adminHref("/admin/units", params, { edit: unit.id })} scroll={false} className="font-semibold text-red-900 underline">
                {unit.code}
              </Link>
            </td>
            <td className={cell} data-label={tTables("name")}>{localized(unit, "name", locale)}</td>
            <td className={`${cell} whitespace-nowrap`} data-label={t("kind")}>{tKinds(unit.kind)}</td>
            <td className={`${cell} whitespace-nowrap`} data-label={tTables("city")}>{unit.city ? localized(unit.city, "name", locale) : tTables("provincial")}</td>
            <td className={`${cell} tabular-nums`} data-label={t("users")}>{unit._count.users}</td>
            <td className={`${cell} tabular-nums`} data-label={t("measures")}>{unit._count.ledMeasures}</td>
            <td className={`${cell} whitespace-nowrap`} data-label={tTables("state")}>
              <span className={unit.active ? "text-emerald-800" : "text-slate-500"}>{unit.active ? tTables("activeOnly") : tTables("inactiveOnly")}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
