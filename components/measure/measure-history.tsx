import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEvent } from "@/lib/audit/list-measure-history";

/** Who changed what and when, with the values before and after. */
export async function MeasureHistory({ events }: { events: HistoryEvent[] }) {
  const [format, t, tActions] = await Promise.all([getFormatter(), getTranslations("workflow"), getTranslations("auditActions")]);
  if (events.length === 0) return <p>{t("noHistory")}</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid="measure-history">
      {events.map((event) => (
        <li key={event.id}>
          {t("historyLine", {
            time: format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" }),
            actor: event.actor?.displayName ?? t("system"),
            // Message keys cannot hold dots (next-intl reads them as nesting).
            action: tActions.has(event.action.replace(/\./g, "_")) ? tActions(event.action.replace(/\./g, "_")) : event.action,
          })}
          {event.after && <code className="ml-2 text-xs break-all text-slate-500">{JSON.stringify(event.after)}</code>}
        </li>
      ))}
    </ol>
  );
}
