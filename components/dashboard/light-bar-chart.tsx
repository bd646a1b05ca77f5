"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { lights, type Light } from "@/lib/tracking/light";
import { LightPatternDefs } from "./light-patterns";

export type LightBarRow = { label: string; hrefs: Record<Light, string> } & Record<Light, number>;

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
              <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
              <YAxis allowDecimals={false} />
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
              cursor="pointer"
              isAnimationActive={false}
              onClick={(item) => {
                const row = item.payload as LightBarRow | undefined;
                if (row) router.push(row.hrefs[light]);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
