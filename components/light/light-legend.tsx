import { useTranslations } from "next-intl";
import { lights } from "@/lib/tracking/light";
import type { TrackingSettings } from "@/lib/tracking/settings";
import { LightBadge } from "@/components/light/light-badge";

/** Explains the computed light rule with the settings in force. */
export function LightLegend({ settings }: { settings: TrackingSettings }) {
  const t = useTranslations("lights");
  return (
    <details className="mb-4 rounded border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">{t("legendTitle")}</summary>
      <ul className="mt-2 space-y-1">
        {lights.map((light) => (
          <li key={light} className="flex items-start gap-2">
            <LightBadge light={light} />
            <span>{t(`legend${light}`, { margin: settings.paceMarginPercent, days: settings.dueSoonDays })}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-slate-600">{t("computed")}</p>
    </details>
  );
}
