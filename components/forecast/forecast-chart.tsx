"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ForecastChartRow = { label: string; actual: number | null; projected: number | null; required: number | null };

/** Reported percent, the projection at the fitted pace and the pace needed to finish on time (computed on the server). */
export function ForecastChart({ rows, names }: { rows: ForecastChartRow[]; names: { actual: string; projected: string; required: string } }) {
  return (
    <div data-testid="forecast-chart" style={{ height: 220 }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis domain={[0, 100]} width={36} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Line dataKey="actual" name={names.actual} stroke="#334155" strokeWidth={2} isAnimationActive={false} connectNulls />
          <Line dataKey="projected" name={names.projected} stroke="#2563eb" strokeDasharray="6 4" isAnimationActive={false} dot={false} />
          <Line dataKey="required" name={names.required} stroke="#b45309" strokeDasharray="2 3" isAnimationActive={false} dot={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
