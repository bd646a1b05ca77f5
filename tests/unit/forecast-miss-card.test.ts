import { renderToStaticMarkup } from "react-dom/server";
import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

// An async server component: real translators over the real messages.
const locale = { current: "en" as "en" | "zh-CN" };
vi.mock("next-intl/server", () => ({
  getLocale: async () => locale.current,
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: locale.current, messages: locale.current === "en" ? en : zh, namespace: namespace as "forecastViews" }),
  getFormatter: async () => createFormatter({ locale: locale.current, timeZone: "Asia/Shanghai" }),
}));
const { ForecastMissCard } = await import("@/components/forecast/forecast-miss-card");

const card = {
  value: 3,
  dueTo: "2027-02-26",
  days: 90,
  byArea: [{ code: "2.1", nameZh: "交通", nameEn: "Transport", count: 3 }],
  byCity: [{ code: "zibo", nameZh: "淄博", nameEn: "Zibo", count: 1 }],
  byLeadUnit: [{ code: "U1", nameZh: "交通厅", nameEn: "Transport Department", count: 3 }],
};
const user = { role: "VIEWER" as const, unitId: null };

describe("[FORECAST] the dashboard's forecast-to-miss card", () => {
  it("gives the count with its ledger link and the breakdowns, each linked, in both languages", async () => {
    locale.current = "en";
    const html = renderToStaticMarkup(await ForecastMissCard({ card, query: { area: "2.1" }, user }));
    expect(html).toContain("Forecast to miss in the next 90 days");
    expect(html).toContain('href="/ledger?area=2.1&amp;forecast=WILL_MISS&amp;dueTo=2027-02-26"');
    expect(html).toContain('href="/ledger?area=2.1&amp;forecast=WILL_MISS&amp;dueTo=2027-02-26&amp;city=zibo"');
    expect(html).toContain("2.1 Transport");
    expect(html).toContain("Transport Department");
    expect(html).toContain("February 26, 2027");
    locale.current = "zh-CN";
    const zhHtml = renderToStaticMarkup(await ForecastMissCard({ card, query: {}, user }));
    expect(zhHtml).toContain("预计未来90天内逾期");
    expect(zhHtml).toContain("淄博");
  });

  it("shows no breakdown when nothing is forecast to miss", async () => {
    locale.current = "en";
    const html = renderToStaticMarkup(await ForecastMissCard({ card: { ...card, value: 0, byArea: [], byCity: [], byLeadUnit: [] }, query: {}, user }));
    expect(html).toContain(">0<");
    expect(html).not.toContain("Transport");
  });
});
