import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { UserPageRow } from "@/lib/users/list-users-page";
import { adminHref, type TableParams } from "./admin-href";
import { cellClass as cell, firstCellClass as firstCell, rowClass } from "./paged-table-shell";

/** One page of accounts for the table shell; the login name opens the edit drawer. */
export async function usersTable(rows: UserPageRow[], params: TableParams) {
  const [t, tTables, tRoles, format, locale] = await Promise.all([
    getTranslations("adminUsers"),
    getTranslations("adminTables"),
    getTranslations("roles"),
    getFormatter(),
    getLocale(),
  ]);
  return {
    testId: "users-table",
    columns: [t("loginName"), t("displayName"), t("role"), t("unit"), t("status"), tTables("lastSignIn")],
    rowCount: rows.length,
    rows: (
      <>
        {rows.map((user) => (
          <tr key={user.id} className={rowClass} data-user-row={user.loginName}>
            <td className={`${firstCell} font-mono`}>
              <Link href={adminHref("/admin/users", params, { edit: user.id })} scroll={false} className="font-semibold text-red-900 underline">
                {user.loginName}
              </Link>
            </td>
            <td className={cell} data-label={t("displayName")}>{user.displayName}</td>
            <td className={`${cell} whitespace-nowrap`} data-label={t("role")}>{tRoles(user.role)}</td>
            <td className={cell} data-label={t("unit")}>{user.unit ? localized(user.unit, "name", locale) : t("noUnit")}</td>
            <td className={`${cell} whitespace-nowrap`} data-label={t("status")}>
              <span className={user.active ? "text-emerald-800" : "text-slate-500"}>{user.active ? t("active") : t("inactive")}</span>
              {user.mustChangePassword && <span className="ml-2 text-amber-800">{t("mustChange")}</span>}
            </td>
            <td className={`${cell} whitespace-nowrap`} data-label={tTables("lastSignIn")}>
              {user.lastSignInAt ? format.dateTime(user.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : tTables("neverSignedIn")}
            </td>
          </tr>
        ))}
      </>
    ),
  };
}
