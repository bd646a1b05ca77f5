import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { lightColours } from "@/components/light/light-styles";
import { localized } from "@/lib/i18n/localized";
import type { TimelineArea, TimelineMeasure } from "@/lib/timeline/list-timeline";
import { timeScale, type Zoom } from "@/lib/timeline/scale";
import { type GanttRow, GanttRows } from "./gantt-rows";
import { ScrollToToday } from "./scroll-to-today";

const ROW = 28;
const LABEL = 260;
// The visible width of the chart on a phone: the screen less main's padding and the border.
const PHONE_WIDTH = "calc(100vw - 2rem - 2px)";

// Same shapes as the light badges: a light never rests on colour alone.
const barPattern: Record<string, string> = {
  RED: "repeating-linear-gradient(45deg, rgba(255,255,255,.45) 0 2px, transparent 2px 6px)",
  YELLOW: "radial-gradient(circle, rgba(255,255,255,.6) 1px, transparent 1.5px) 0 0/6px 6px",
  BLUE: "repeating-linear-gradient(90deg, rgba(255,255,255,.45) 0 1px, transparent 1px 6px)",
  GREEN: "none",
  COMPLETED: "repeating-linear-gradient(0deg, rgba(255,255,255,.45) 0 1px, transparent 1px 6px)",
  SUSPENDED: "repeating-linear-gradient(90deg, rgba(255,255,255,.6) 0 2px, transparent 2px 8px)",
};

/**
 * What every row shares is styled once per page, by class and data-light, so
 * the HTML of thousands of rows carries only positions and names.
 */
const ganttStyles = [
  `.gantt-row{display:flex;height:${ROW}px;border-bottom:1px solid #f1f5f9}`,
  `.gantt-label{position:sticky;left:0;z-index:5;flex-shrink:0;width:${LABEL}px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;background:#fff;padding:0 .5rem;font-size:.75rem;line-height:1.75rem;color:#7f1d1d}`,
  ".gantt-label:hover{text-decoration:underline}",
  ".gantt-track{position:relative;flex-grow:1}",
  ".gantt-bar{position:absolute;top:.375rem;height:1rem;border-radius:2px}",
  ".gantt-done{height:100%;border-radius:2px;background:rgb(0 0 0/.25)}",
  ".gantt-milestone{position:absolute;top:.5rem;width:.75rem;height:.75rem;rotate:45deg;border:1px solid #1e293b;background:#fff}",
  ".gantt-milestone[data-done]{background:#1e293b}",
  ".gantt-ongoing{position:absolute;top:.3rem;z-index:1;border-radius:2px;background:#fff;padding:0 .25rem;font-size:.7rem;line-height:1.1rem;color:#334155}",
  ...Object.entries(lightColours).map(([light, colour]) => `.gantt-bar[data-light=${light}]{background:${barPattern[light]}, ${colour}}`),
  // On a phone the name gets its own line, as wide as the screen, above the bar: a
  // 260 px column would leave no room for the bars and still cut the names.
  `@media (max-width:39.99rem){.gantt-row{flex-wrap:wrap;height:auto}.gantt-label{width:${PHONE_WIDTH};white-space:normal;line-height:1.25rem;padding-top:.25rem}.gantt-track{flex-basis:100%;height:${ROW}px;margin-left:${LABEL}px}}`,
].join("\n");

/** A Gantt chart drawn as positioned HTML, laid out on the server: cheap for thousands of rows. */
export async function Gantt({ areas, today, zoom }: { areas: TimelineArea[]; today: Date; zoom: Zoom }) {
  const [locale, format, t, tLights, tOngoing] = await Promise.all([
    getLocale(),
    getFormatter(),
    getTranslations("timeline"),
    getTranslations("lights"),
    getTranslations("measureOngoing"),
  ]);
  const all = areas.flatMap((area) => area.measures);
  const scale = timeScale(all.flatMap((m) => [m.startDate, m.dueDate, ...m.milestones.map((ms) => ms.dueDate)]), today, zoom);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const tickLabel = (date: Date) =>
    zoom === "year" ? String(date.getUTCFullYear()) : format.dateTime(date, { year: "2-digit", month: "short" });
  const todayX = scale.x(today);
  const ganttRow = (measure: TimelineMeasure): GanttRow => {
    const title = localized(measure, "title", locale);
    const start = measure.startDate ? scale.x(measure.startDate) : null;
    // An ongoing task has no end: its bar runs on to the chart's edge.
    const end = measure.ongoing ? scale.width : measure.dueDate ? scale.x(measure.dueDate) : null;
    const label = t("bar", {
      code: measure.code,
      title,
      start: measure.startDate ? day(measure.startDate) : t("noDates"),
      due: measure.ongoing ? tOngoing("due") : measure.dueDate ? day(measure.dueDate) : t("noDates"),
      percent: measure.percentComplete,
      light: tLights(measure.light),
    });
    return {
      code: measure.code,
      title,
      bar: start !== null && end !== null ? { left: start, width: Math.max(2, end - start), light: measure.light, percent: measure.percentComplete, label } : null,
      ...(measure.ongoing && { ongoing: tOngoing("due") }),
      milestones: measure.milestones.map((milestone) => ({
        left: scale.x(milestone.dueDate) - 6,
        done: milestone.completedOn !== null,
        label: t(milestone.completedOn ? "milestoneDone" : "milestoneOpen", { title: localized(milestone, "title", locale), date: day(milestone.dueDate) }),
      })),
    };
  };

  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white" data-testid="gantt">
      <style>{ganttStyles}</style>
      <ScrollToToday containerTestId="gantt" offset={LABEL + todayX} />
      <div className="relative" style={{ width: LABEL + scale.width }}>
        <div className="sticky top-0 z-10 flex h-8 border-b border-slate-200 bg-slate-50 text-xs">
          <div className="sticky left-0 z-20 shrink-0 bg-slate-50 max-sm:static" style={{ width: LABEL }} />
          <div className="relative">
            {scale.ticks.map((tick) => (
              <span key={tick.x} className="absolute top-2 border-l border-slate-300 pl-1 whitespace-nowrap" style={{ left: tick.x }}>
                {tickLabel(tick.date)}
              </span>
            ))}
          </div>
        </div>
        <div className="pointer-events-none absolute top-0 bottom-0 z-10 border-l-2 border-red-700" style={{ left: LABEL + todayX }} aria-hidden="true">
          <span className="ml-1 bg-white text-xs text-red-800">{t("today")}</span>
        </div>
        {areas.map((area) => (
          <section key={area.code} aria-label={`${area.code} ${localized(area, "title", locale)}`}>
            <h2 className="sticky left-0 bg-slate-100 px-2 py-1 text-sm font-semibold max-sm:w-[calc(100vw-2rem-2px)]!" style={{ width: LABEL }}>
              {area.code} {localized(area, "title", locale)} · {t("count", { count: area.measures.length })}
            </h2>
            <GanttRows rows={area.measures.map(ganttRow)} />
          </section>
        ))}
      </div>
    </div>
  );
}
