"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { lights, type Light } from "@/lib/tracking/light";
import { LightPatternDefs } from "@/components/light/light-patterns";
import { fitLabel } from "@/lib/dashboard/fit-label";

/** A row's counts by light and, per light, the ledger link (null: the user may not open it). */
export type LightBarRow = { label: string; hrefs: Record<Light, string | null> } & Record<Light, number>;

type SegmentProps = { x?: number; y?: number; width?: number; height?: number; fill?: string; payload?: LightBarRow };

/**
 * A segment as an SVG link: reachable with Tab, opened with Enter, named for
 * screen readers; the router keeps the navigation client-side.
 */
function Segment({ light, props, label, navigate }: { light: Light; props: SegmentProps; label: string; navigate: (href: string) => void }) {
  const { x = 0, y = 0, width = 0, height = 0, fill, payload } = props;
  if (!payload || width <= 0 || height <= 0) return <g />;
  const href = payload.hrefs[light];
  if (!href) {
    return (
      <g aria-label={label} role="img">
        <title>{label}</title>
        <rect x={x} y={y} width={width} height={height} fill={fill} />
      </g>
    );
  }
  return (
    <a
      href={href}
      aria-label={label}
      className="outline-none [&:focus-visible>rect]:stroke-slate-900 [&:focus-visible>rect]:stroke-[3px]"
      onClick={(event) => {
        event.preventDefault();
        navigate(href);
      }}
    >
      <title>{label}</title>
      <rect x={x} y={y} width={width} height={height} fill={fill} />
    </a>
  );
}

const LABEL_WIDTH = 140;
const FONT_SIZE = 12;

type TickProps = { x?: number | string; y?: number | string; payload?: { value: string } };

/** A category label that never clips: cut to the axis width, the whole name in its tooltip (title). */
function CategoryTick({ x = 0, y = 0, payload, width, anchor = "end" }: TickProps & { width: number; anchor?: "middle" | "end" }) {
  const label = payload?.value ?? "";
  return (
    <text x={Number(x)} y={Number(y)} dy={anchor === "end" ? 4 : 12} textAnchor={anchor} fontSize={FONT_SIZE} fill="#475569">
      <title>{label}</title>
      {fitLabel(label, width, FONT_SIZE)}
    </text>
  );
}

/**
 * Counts by light for each row (area, city, unit), stacked; a click on a
 * segment opens the ledger filtered to exactly those measures.
 */
export function LightBarChart({ rows, layout = "horizontal", height = 280, testId }: {
  rows: LightBarRow[];
  layout?: "horizontal" | "vertical";
  height?: number;
  testId: string;
}) {
  const t = useTranslations("lights");
  const tDashboard = useTranslations("dashboard");
  const router = useRouter();
  const vertical = layout === "vertical";
  return (
    <div data-testid={testId} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout={layout} margin={{ left: vertical ? 8 : 0, right: 8, top: 8, bottom: 8 }}>
          <LightPatternDefs />
          <CartesianGrid strokeDasharray="3 3" />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} />
              <YAxis
                type="category"
                dataKey="label"
                width={LABEL_WIDTH}
                interval={0}
                tick={(props: TickProps) => <CategoryTick {...props} width={LABEL_WIDTH - 8} />}
              />
            </>
          ) : (
            <>
              {/* Labels that would overlap (many months on a phone) are dropped, the first and last kept. */}
              <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={6} tick={(props: TickProps) => <CategoryTick {...props} anchor="middle" width={80} />} />
              <YAxis allowDecimals={false} width={32} />
            </>
          )}
          <Tooltip />
          {/* Keep the legend in the lights' own order, most urgent first. */}
          <Legend itemSorter={null} />
          {lights.map((light) => (
            <Bar
              key={light}
              dataKey={light}
              name={t(light)}
              stackId="lights"
              fill={`url(#light-${light})`}
              isAnimationActive={false}
              shape={(props: SegmentProps) => (
                <Segment
                  light={light}
                  props={props}
                  navigate={router.push}
                  label={tDashboard("segmentLink", { label: props.payload?.label ?? "", light: t(light), count: props.payload?.[light] ?? 0 })}
                />
              )}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
