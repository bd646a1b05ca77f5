import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { UserPageRow } from "@/lib/users/list-users-page";
import { adminHref, type TableParams } from "./admin-href";

/** Phone: each row becomes a card, each cell labelled by its column's name (the first, a link, needs none). */
const firstCell = "px-2 py-1.5 max-sm:block max-sm:p-0";
const cell = `${firstCell} max-sm:before:mr-2 max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]`;

/** One page of accounts; the login name opens the edit drawer. */
export async function UsersTable({ rows, params }: { rows: UserPageRow[]; params: TableParams }) {
  const [t, tTables, tRoles, format, locale] = await Promise.all([
    getTranslations("adminUsers"),
    getTranslations("adminTables"),
    getTranslations("roles"),
    getFormatter(),
    getLocale(),
  ]);
  if (rows.length === 0) return <p className="text-sm text-slate-600">{tTables("empty")}</p>;
  const columns = [t("loginName"), t("displayName"), t("role"), t("unit"), t("status"), tTables("lastSignIn")];
  return (
    <table className="w-full border-collapse bg-white text-sm max-sm:block max-sm:bg-transparent" data-testid="users-table">
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
        {rows.map((user) => (
          <tr key={user.id} className="border-b border-slate-200 max-sm:block max-sm:rounded max-sm:border max-sm:bg-white max-sm:p-3" data-user-row={user.loginName}>
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
      </tbody>
    </table>
  );
}
