"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendLinePoint = { label: string; value: number; href: string | null };

/**
 * Average completion month by month; a click on a month opens that month's ledger.
 * Slate, not the brand red: on this page red means the red light only.
 */
export function TrendLineChart({ points, name, testId }: { points: TrendLinePoint[]; name: string; testId: string }) {
  const router = useRouter();
  return (
    <div data-testid={testId} style={{ height: 240 }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ left: 0, right: 16, top: 8, bottom: 8 }}
          style={{ cursor: "pointer" }}
          onClick={(state) => {
            const point = points.find((candidate) => candidate.label === state.activeLabel);
            if (point?.href) router.push(point.href);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          {/* Recharts drops labels that would overlap (narrow screens) and keeps the first and last. */}
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis domain={[0, 100]} width={36} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Line type="monotone" dataKey="value" name={name} stroke="#334155" strokeWidth={2} isAnimationActive={false} activeDot={{ r: 6 }} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
