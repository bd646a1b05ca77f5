import { useTranslations } from "next-intl";
import type { ForecastClass } from "@/lib/forecast/forecast";

const dotStyle: Record<ForecastClass, string> = {
  ON_COURSE: "bg-green-600",
  AT_RISK: "bg-amber-500",
  WILL_MISS: "bg-red-600",
  MISSED: "bg-red-900",
  COMPLETED: "bg-slate-500",
  SUSPENDED: "bg-slate-300",
  ONGOING: "bg-slate-300",
  NO_DATES: "bg-slate-300",
  INSUFFICIENT_HISTORY: "bg-white border border-slate-400",
};

const projected: readonly ForecastClass[] = ["ON_COURSE", "AT_RISK", "WILL_MISS"];

/** A measure's forecast in a ledger cell or card: a small coloured dot, the class and, when projected, the finish month. */
export function ForecastMarker({ forecast }: { forecast: { class: ForecastClass; finish: string | null } }) {
  const t = useTranslations("forecast");
  const tViews = useTranslations("forecastViews");
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap" data-forecast={forecast.class}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${dotStyle[forecast.class]}`} />
      {t(`class.${forecast.class}`)}
      {projected.includes(forecast.class) && (
        <span className="text-xs text-slate-500">{forecast.finish ? tViews("finish", { month: forecast.finish }) : tViews("noFinish")}</span>
      )}
    </span>
  );
}
