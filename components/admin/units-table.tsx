import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { UnitPageRow } from "@/lib/units/list-units-page";
import { adminHref, type TableParams } from "./admin-href";
import { cellClass as cell, firstCellClass as firstCell, rowClass } from "./paged-table-shell";

/** One page of units for the table shell; the code opens the edit drawer. */
export async function unitsTable(rows: UnitPageRow[], params: TableParams) {
  const [t, tTables, tKinds, locale] = await Promise.all([
    getTranslations("adminUnits"),
    getTranslations("adminTables"),
    getTranslations("unitKinds"),
    getLocale(),
  ]);
  return {
    testId: "units-table",
    columns: [t("code"), tTables("name"), t("kind"), tTables("city"), t("users"), t("measures"), tTables("state")],
    rowCount: rows.length,
    rows: (
      <>
        {rows.map((unit) => (
          <tr key={unit.id} className={rowClass} data-unit-row={unit.code}>
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
      </>
    ),
  };
}
