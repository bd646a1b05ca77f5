import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { ForecastMarker } from "@/components/forecast/forecast-marker";
import type { ForecastClass } from "@/lib/forecast/forecast";

const render = (locale: "en" | "zh-CN", forecast: { class: ForecastClass; finish: string | null }) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages: locale === "en" ? en : zh, timeZone: "Asia/Shanghai", children: createElement(ForecastMarker, { forecast }) }),
  );

describe("[FORECAST] the ledger's forecast marker", () => {
  it("shows the class with its coloured dot and, when projected, the finish month", () => {
    const miss = render("en", { class: "WILL_MISS", finish: "March 2027" });
    expect(miss).toContain('data-forecast="WILL_MISS"');
    expect(miss).toContain("bg-red-600");
    expect(miss).toContain("Will miss the due date");
    expect(miss).toContain("finish March 2027");
    expect(render("en", { class: "WILL_MISS", finish: null })).toContain("does not finish at its pace");
    expect(render("zh-CN", { class: "ON_COURSE", finish: "2027年3月" })).toContain("预计2027年3月完成");
  });

  it("gives no finish month where nothing is projected", () => {
    const young = render("en", { class: "INSUFFICIENT_HISTORY", finish: null });
    expect(young).toContain("Too little history");
    expect(young).not.toContain("finish");
  });
});
