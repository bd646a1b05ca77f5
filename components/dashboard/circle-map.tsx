import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Breakdown } from "@/lib/dashboard/get-dashboard-data";
import { cityPositions, project } from "@/lib/dashboard/circle-map-data";
import { localized } from "@/lib/i18n/localized";
import { lights, type Light } from "@/lib/tracking/light";
import { LightPatternDefs } from "@/components/light/light-patterns";

const WIDTH = 640;
const severity: Light[] = ["RED", "YELLOW", "BLUE", "GREEN", "COMPLETED", "SUSPENDED"];

/** A city's state: the light most of its open measures have (ties go to the more urgent). */
export function cityState(row: Breakdown): Light {
  const open = severity.filter((light) => light !== "COMPLETED" && light !== "SUSPENDED");
  const best = open.reduce((worst, light) => (row.lights[light] > row.lights[worst] ? light : worst), open[0]!);
  return row.lights[best] > 0 ? best : "COMPLETED";
}

/** A schematic map of the seven cities, each coloured by its state and linking to its ledger. */
export async function CircleMap({ cities, hrefFor }: { cities: Breakdown[]; hrefFor: (cityCode: string) => string | null }) {
  const [locale, t, tLights] = await Promise.all([getLocale(), getTranslations("dashboard"), getTranslations("lights")]);
  const jinan = project(cityPositions.jinan!, WIDTH);
  const height = jinan.height;
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={t("mapTitle")} className="h-auto w-full max-w-3xl" data-testid="circle-map">
        <LightPatternDefs />
        {cities.map((city) => {
          const position = cityPositions[city.code];
          if (!position || city.code === "jinan") return null;
          const point = project(position, WIDTH);
          return <line key={`link-${city.code}`} x1={jinan.x} y1={jinan.y} x2={point.x} y2={point.y} stroke="#cbd5e1" strokeWidth="2" />;
        })}
        {cities.map((city) => {
          const position = cityPositions[city.code];
          if (!position) return null;
          const point = project(position, WIDTH);
          const state = cityState(city);
          const name = localized(city, "name", locale);
          const summary = `${name}: ${t("cityTotal", { count: city.total })}; ${lights
            .filter((light) => city.lights[light] > 0)
            .map((light) => `${tLights(light)} ${city.lights[light]}`)
            .join(", ")}`;
          // Without a ledger link (a role that may not open it) the city is a plain group.
          const Wrapper = hrefFor(city.code) ? "a" : "g";
          return (
            <Wrapper key={city.code} href={hrefFor(city.code) ?? undefined} aria-label={summary} data-city={city.code} data-state={state} className="group focus:outline-none">
              <title>{summary}</title>
              <circle cx={point.x} cy={point.y} r={14 + Math.sqrt(city.total) * 3} fill={`url(#light-${state})`} stroke="#1e293b" strokeWidth="1.5" className="group-hover:stroke-[4] group-focus:stroke-[4]" />
              <text x={point.x} y={point.y + 30 + Math.sqrt(city.total) * 3} textAnchor="middle" fontSize="16" fill="#0f172a">
                {name} {city.total}
              </text>
            </Wrapper>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-sm text-slate-600">{t("mapCaption")}</figcaption>
      <ul className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
        {cities.map((city) => (
          <li key={city.code}>
            {hrefFor(city.code) ? (
              <Link href={hrefFor(city.code)!} className="text-red-900 underline">
                {localized(city, "name", locale)}
              </Link>
            ) : (
              localized(city, "name", locale)
            )}
            : {t("cityTotal", { count: city.total })} · {tLights(cityState(city))}
          </li>
        ))}
      </ul>
    </figure>
  );
}
