import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { forecastMeasure, monthIndex, periodOfIndex, type ForecastInput } from "@/lib/forecast/forecast";

// The card is an async server component: give it real translators over the real messages.
const locale = { current: "en" as "en" | "zh-CN" };
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: locale.current, messages: locale.current === "en" ? en : zh, namespace: namespace as "forecast" }),
  getFormatter: async () => createFormatter({ locale: locale.current, timeZone: "Asia/Shanghai" }),
}));
const { ForecastCard } = await import("@/components/forecast/forecast-card");

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const measure = (percents: number[], extra: Partial<ForecastInput> = {}): ForecastInput => ({
  startDate: d("2026-01-01"),
  dueDate: d("2026-12-31"),
  ongoing: false,
  status: "IN_PROGRESS",
  history: percents.map((percent, i) => ({ period: periodOfIndex(monthIndex("2026-01") + i), percent })),
  ...extra,
});
const render = async (input: ForecastInput, asOf: string) => renderToStaticMarkup(await ForecastCard({ forecast: forecastMeasure(input, asOf) }));

describe("[FORECAST] the measure page's card", () => {
  it("gives the class, the needed and the averaged pace, the finish and its band, and the chart", async () => {
    locale.current = "en";
    const html = await render(measure([10, 15, 30, 35, 50, 55], { dueDate: d("2026-11-30") }), "2026-06");
    expect(html).toContain("At risk");
    expect(html).toContain("Needs 9 points a month to finish by November 2026; has averaged 10 a month over the last 6 approved reports.");
    expect(html).toContain("finishes in November 2026 (between November 2026 at the faster recent pace and December 2026 at the slower)");
    expect(html).toContain('data-testid="forecast-chart"');
  });

  it("says why there is no forecast, in both languages", async () => {
    locale.current = "en";
    expect(await render(measure([10, 20]), "2026-06")).toContain("Too little history to forecast: 2 approved reports, at least 3 needed.");
    expect(await render(measure([30, 30, 30]), "2026-03")).toContain("progress has stalled");
    expect(await render(measure([10, 20, 30], { dueDate: d("2026-04-30") }), "2026-05")).toContain("Its due month (April 2026) has passed");
    locale.current = "zh-CN";
    const html = await render(measure([10, 20]), "2026-06");
    expect(html).toContain("历史数据不足");
    expect(html).not.toContain('data-testid="forecast-chart"');
  });
});
