/** One scope filter (programme, area or city) of a GET form; "" = all. */
export function ScopeSelect({ name, items, label, value, allLabel }: {
  name: "programme" | "area" | "city";
  items: { value: string; label: string }[];
  label: string;
  value: string | undefined;
  allLabel: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} className="rounded border border-slate-300 px-2 py-1">
        <option value="">{allLabel}</option>
        {items.map((item) => (
          <option key={item.value} value={item.value}>{item.label}</option>
        ))}
      </select>
    </label>
  );
}
