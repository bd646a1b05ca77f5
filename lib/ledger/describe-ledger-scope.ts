import { createTranslator } from "next-intl";
import type { PrismaClient } from "@/lib/db/create-client";
import type { Locale } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { LedgerQuery } from "./schemas";

/**
 * A ledger view's filters in words ("领域：2.1 交通互联", "灯色：红灯"), in the
 * order of the filter form; names are looked up, so a code is never shown alone.
 */
export async function describeLedgerScope(db: PrismaClient, query: LedgerQuery, lang: Locale): Promise<string[]> {
  const messages = lang === "en" ? en : zh;
  const t = createTranslator({ locale: lang, messages, namespace: "ledger" });
  const tView = createTranslator({ locale: lang, messages, namespace: "ledgerView" });
  const [programme, area, city, leadUnit] = await Promise.all([
    query.programme ? db.programme.findUnique({ where: { code: query.programme }, select: { titleZh: true, titleEn: true } }) : null,
    query.area ? db.area.findUnique({ where: { code: query.area }, select: { titleZh: true, titleEn: true } }) : null,
    query.city ? db.city.findUnique({ where: { code: query.city }, select: { nameZh: true, nameEn: true } }) : null,
    query.leadUnit ? db.unit.findUnique({ where: { code: query.leadUnit }, select: { nameZh: true, nameEn: true } }) : null,
  ]);
  const pick = (zhText: string | undefined, enText: string | undefined) => (lang === "en" ? enText : zhText);
  const items: [string, string | undefined][] = [
    [t("search"), query.q && `“${query.q}”`],
    [t("programme"), query.programme && (pick(programme?.titleZh, programme?.titleEn) ?? query.programme)],
    [t("area"), query.area && `${query.area} ${pick(area?.titleZh, area?.titleEn) ?? ""}`.trim()],
    [t("city"), query.city && (pick(city?.nameZh, city?.nameEn) ?? query.city)],
    [t("leadUnit"), query.leadUnit && (pick(leadUnit?.nameZh, leadUnit?.nameEn) ?? query.leadUnit)],
    [t("myUnit"), query.myUnit && tView(query.myUnit === "lead" ? "xlsx.myUnitLead" : "xlsx.myUnitCooperate")],
    [t("person"), query.person],
    [t("status"), query.status && messages.status[query.status]],
    [t("light"), query.light && messages.lights[query.light]],
    [messages.forecastViews.filter, query.forecast && messages.forecast.class[query.forecast]],
    [t("dueFrom"), query.dueFrom],
    [t("dueTo"), query.dueTo],
  ];
  return items.filter(([, value]) => value).map(([label, value]) => tView("xlsx.scopeItem", { label, value: value! }));
}
