import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { historySentence } from "@/lib/audit/history-sentence";
import type { HistoryEvent } from "@/lib/audit/list-measure-history";

/** Who changed what and when, each change a sentence with its values before and after. */
export async function MeasureHistory({ events }: { events: HistoryEvent[] }) {
  const [format, locale, t] = await Promise.all([getFormatter(), getLocale(), getTranslations("workflow")]);
  if (events.length === 0) return <p>{t("noHistory")}</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="measure-history">
      {events.map((event) => (
        <li key={event.id} data-action={event.action} className="border-l-2 border-slate-200 pl-3">
          <time dateTime={event.createdAt.toISOString()} className="block text-xs text-slate-500">
            {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          </time>
          {historySentence(event, locale)}
        </li>
      ))}
    </ol>
  );
}
