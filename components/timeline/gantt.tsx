import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { lightColours } from "@/components/dashboard/light-styles";
import { localized } from "@/lib/i18n/localized";
import type { TimelineArea } from "@/lib/timeline/list-timeline";
import { timeScale, type Zoom } from "@/lib/timeline/scale";
import { ScrollToToday } from "./scroll-to-today";

const ROW = 28;
const LABEL = 260;

// Same shapes as the light badges: a light never rests on colour alone.
const barPattern: Record<string, string> = {
  RED: "repeating-linear-gradient(45deg, rgba(255,255,255,.45) 0 2px, transparent 2px 6px)",
  YELLOW: "radial-gradient(circle, rgba(255,255,255,.6) 1px, transparent 1.5px) 0 0/6px 6px",
  BLUE: "repeating-linear-gradient(90deg, rgba(255,255,255,.45) 0 1px, transparent 1px 6px)",
  GREEN: "none",
  COMPLETED: "repeating-linear-gradient(0deg, rgba(255,255,255,.45) 0 1px, transparent 1px 6px)",
};

/** A Gantt chart drawn as positioned HTML on the server: cheap for thousands of rows. */
export async function Gantt({ areas, today, zoom }: { areas: TimelineArea[]; today: Date; zoom: Zoom }) {
  const [locale, format, t, tLights] = await Promise.all([getLocale(), getFormatter(), getTranslations("timeline"), getTranslations("lights")]);
  const all = areas.flatMap((area) => area.measures);
  const scale = timeScale(all.flatMap((m) => [m.startDate, m.dueDate, ...m.milestones.map((ms) => ms.dueDate)]), today, zoom);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const tickLabel = (date: Date) =>
    zoom === "year" ? String(date.getUTCFullYear()) : format.dateTime(date, { year: "2-digit", month: "short" });
  const todayX = scale.x(today);

  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white" data-testid="gantt">
      <ScrollToToday containerTestId="gantt" offset={LABEL + todayX} />
      <div className="relative" style={{ width: LABEL + scale.width }}>
        <div className="sticky top-0 z-10 flex h-8 border-b border-slate-200 bg-slate-50 text-xs">
          <div className="sticky left-0 z-20 shrink-0 bg-slate-50" style={{ width: LABEL }} />
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
            <h2 className="sticky left-0 bg-slate-100 px-2 py-1 text-sm font-semibold" style={{ width: LABEL }}>
              {area.code} {localized(area, "title", locale)} · {t("count", { count: area.measures.length })}
            </h2>
            {area.measures.map((measure) => {
              const title = localized(measure, "title", locale);
              const start = measure.startDate ? scale.x(measure.startDate) : null;
              const end = measure.dueDate ? scale.x(measure.dueDate) : null;
              const label = t("bar", {
                code: measure.code,
                title,
                start: measure.startDate ? day(measure.startDate) : t("noDates"),
                due: measure.dueDate ? day(measure.dueDate) : t("noDates"),
                percent: measure.percentComplete,
                light: tLights(measure.light),
              });
              return (
                <div key={measure.code} className="flex border-b border-slate-100" style={{ height: ROW }} data-measure-code={measure.code}>
                  <Link href={`/measures/${measure.code}`} className="sticky left-0 z-[5] shrink-0 truncate bg-white px-2 text-xs leading-7 text-red-900 hover:underline" style={{ width: LABEL }} title={title}>
                    {measure.code} {title}
                  </Link>
                  <div className="relative grow">
                    {start !== null && end !== null && (
                      <div
                        role="img"
                        aria-label={label}
                        title={label}
                        data-light={measure.light}
                        className="absolute top-1.5 h-4 rounded-sm"
                        style={{ left: start, width: Math.max(2, end - start), background: `${barPattern[measure.light]}, ${lightColours[measure.light]}` }}
                      >
                        <div className="h-full rounded-sm bg-black/25" style={{ width: `${measure.percentComplete}%` }} />
                      </div>
                    )}
                    {measure.milestones.map((milestone) => {
                      const text = t(milestone.completedOn ? "milestoneDone" : "milestoneOpen", { title: localized(milestone, "title", locale), date: day(milestone.dueDate) });
                      return (
                        <span
                          key={`${milestone.dueDate.toISOString()}${milestone.titleZh}`}
                          role="img"
                          aria-label={text}
                          title={text}
                          className={`absolute top-2 h-3 w-3 rotate-45 border border-slate-800 ${milestone.completedOn ? "bg-slate-800" : "bg-white"}`}
                          style={{ left: scale.x(milestone.dueDate) - 6 }}
                        />
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}
