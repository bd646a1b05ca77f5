import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateUnitAliasForm, DeleteUnitAliasButton } from "@/components/unit-aliases/unit-alias-forms";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { localized } from "@/lib/i18n/localized";
import { unitAliasListQuerySchema } from "@/lib/unit-aliases/schemas";
import { listUnitAliases } from "@/lib/unit-aliases/unit-aliases";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unitAliases"))("title") };
}

export default async function UnitAliasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("unit.manage");
  const query = unitAliasListQuerySchema.parse(await searchParams);
  const [{ aliases, total, page, pageSize }, locale, t] = await Promise.all([listUnitAliases(db, query), getLocale(), getTranslations("unitAliases")]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageHref = (target: number) => `/admin/unit-aliases?${new URLSearchParams({ ...(query.q && { q: query.q }), page: String(target) })}`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <CreateUnitAliasForm />
      <form className="flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col text-sm">
          {t("search")}
          <input name="q" defaultValue={query.q} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">{t("searchSubmit")}</button>
      </form>
      <p className="text-sm text-slate-600">{t("count", { count: total })}</p>
      {aliases.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse text-sm" data-testid="unit-aliases">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th className="py-1 pr-2">{t("aliasHeader")}</th>
              <th className="py-1 pr-2">{t("unitHeader")}</th>
              <th className="py-1 pr-2">{t("sourceHeader")}</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody>
            {aliases.map((alias) => (
              <tr key={alias.id} className="border-b border-slate-100">
                <td className="py-1 pr-2">{alias.alias}</td>
                <td className="py-1 pr-2">
                  <span className="font-mono text-xs text-slate-500">{alias.unit.code}</span> {localized(alias.unit, "name", locale)}
                </td>
                <td className="py-1 pr-2">{alias.createdById ? t("confirmedBy") : t("seeded")}</td>
                <td className="py-1">
                  <DeleteUnitAliasButton id={alias.id} alias={alias.alias} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="flex items-center gap-3 text-sm" aria-label={t("pageOf", { page, pages })}>
          {page > 1 && <Link href={pageHref(page - 1)}>{t("previous")}</Link>}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages && <Link href={pageHref(page + 1)}>{t("next")}</Link>}
        </nav>
      )}
    </div>
  );
}
