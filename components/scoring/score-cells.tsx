import { getFormatter, getTranslations } from "next-intl/server";
import type { ScoreComponent } from "@/lib/scoring/compute-unit-scores";

/** A component's raw figure and the points it cost, in words. */
export async function ScoreComponentCell({ component }: { component: ScoreComponent }) {
  const [t, format] = await Promise.all([getTranslations("scoring"), getFormatter()]);
  const figure = component.of === null ? format.number(component.count) : component.of === 0 ? t("notDue") : t("figure", { count: component.count, of: component.of });
  return (
    <>
      <span className="block">{figure}</span>
      <span className={`block text-xs ${component.points < 0 ? "text-red-800" : "text-slate-500"}`}>
        {component.points < 0 ? t("points", { points: format.number(component.points, { maximumFractionDigits: 2 }) }) : t("noPoints")}
      </span>
    </>
  );
}

/** The red (top) or black (bottom) list as a word (with a colour as a second cue, never the only one). */
export async function ScoreListBadge({ list }: { list: "red" | "black" | null }) {
  if (!list) return null;
  const t = await getTranslations("scoring.lists");
  const style = list === "red" ? "border-red-700 bg-red-50 text-red-900" : "border-slate-800 bg-slate-800 text-white";
  return <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${style}`} data-list={list}>{t(list)}</span>;
}
