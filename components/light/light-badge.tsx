import { useTranslations } from "next-intl";
import type { Light } from "@/lib/tracking/light";

// Colour plus a distinct shape and the word, so no one has to rely on colour alone.
const looks: Record<Light, { className: string; shape: string }> = {
  RED: { className: "bg-red-100 text-red-900 border-red-300", shape: "■" },
  YELLOW: { className: "bg-amber-100 text-amber-900 border-amber-300", shape: "▲" },
  BLUE: { className: "bg-sky-100 text-sky-900 border-sky-300", shape: "◆" },
  GREEN: { className: "bg-emerald-100 text-emerald-900 border-emerald-300", shape: "●" },
  COMPLETED: { className: "bg-slate-100 text-slate-700 border-slate-300", shape: "✓" },
  SUSPENDED: { className: "bg-zinc-200 text-zinc-700 border-zinc-400", shape: "‖" },
};

export function LightBadge({ light }: { light: Light }) {
  const t = useTranslations("lights");
  const look = looks[light];
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs whitespace-nowrap ${look.className}`} data-light={light}>
      <span aria-hidden="true">{look.shape}</span>
      {t(light)}
    </span>
  );
}
