"use client";

import Link from "next/link";
import type { Light } from "@/lib/tracking/light";

/** One measure's row, laid out and worded on the server. */
export interface GanttRow {
  code: string;
  title: string;
  bar: { left: number; width: number; light: Light; percent: number; label: string } | null;
  milestones: { left: number; done: boolean; label: string }[];
  /** "Ongoing" (translated) for an ongoing task, shown at the start of its open-ended bar. */
  ongoing?: string;
}

/**
 * The rows of one area. A client component on purpose: the server sends these
 * few fields per row instead of the rendered tree, which for thousands of rows
 * roughly halves the page (the HTML itself is still rendered on the server).
 * Styles come from the Gantt's one style sheet.
 */
export function GanttRows({ rows }: { rows: GanttRow[] }) {
  return rows.map(({ code, title, bar, milestones, ongoing }) => (
    <div key={code} className="gantt-row" data-measure-code={code}>
      <Link href={`/measures/${code}`} className="gantt-label" title={title}>
        {code} {title}
      </Link>
      <div className="gantt-track">
        {bar && (
          // The title is both the tooltip and, for an image without a label, its accessible name.
          <div role="img" title={bar.label} data-light={bar.light} className="gantt-bar" style={{ left: bar.left, width: bar.width }}>
            <div className="gantt-done" style={{ width: `${bar.percent}%` }} />
          </div>
        )}
        {ongoing && (
          <span className="gantt-ongoing" style={{ left: (bar?.left ?? 0) + 4 }} data-testid="gantt-ongoing">
            {ongoing}
          </span>
        )}
        {milestones.map((milestone, index) => (
          <span
            key={index}
            role="img"
            title={milestone.label}
            data-done={milestone.done ? "" : undefined}
            className="gantt-milestone"
            style={{ left: milestone.left }}
          />
        ))}
      </div>
    </div>
  ));
}
