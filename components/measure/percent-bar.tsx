/** A percentage as a bar plus its number; the number carries the meaning. */
export function PercentBar({ value }: { value: number }) {
  return (
    <span className="flex items-center gap-2">
      <span className="h-2 w-16 overflow-hidden rounded bg-slate-200" aria-hidden="true">
        <span className="block h-full bg-red-700" style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
      </span>
      <span className="tabular-nums">{value}%</span>
    </span>
  );
}
