import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";
import { AddMilestoneForm, MilestoneActions, UndoCompletionForm } from "./milestone-forms";

/** The measure's milestones: complete (with confirmation), undo shortly after, reschedule, add. */
export async function MeasureMilestones({ measure, canManage, undoableIds, today }: {
  measure: MeasureDetail;
  canManage: boolean;
  /** Completed milestones whose completion this user may still undo (lib/milestones/undo-window.ts). */
  undoableIds: string[];
  today: Date;
}) {
  const [locale, format, t] = await Promise.all([getLocale(), getFormatter(), getTranslations("measure")]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  return (
    <>
      {measure.milestones.length === 0 ? (
        <p>{t("noMilestones")}</p>
      ) : (
        <ol className="list-decimal space-y-3 pl-6" data-testid="milestones">
          {measure.milestones.map((milestone) => (
            <li key={milestone.id} data-milestone-done={milestone.completedOn ? "true" : "false"}>
              <span className="font-medium">{localized(milestone, "title", locale)}</span> — {t("milestoneDue")} {date(milestone.dueDate)} ·{" "}
              {milestone.completedOn ? t("milestoneDone", { date: date(milestone.completedOn) }) : t("milestoneOpen")}
              {canManage && !milestone.completedOn && (
                <MilestoneActions milestoneId={milestone.id} version={milestone.version} today={today.toISOString().slice(0, 10)} />
              )}
              {undoableIds.includes(milestone.id) && <UndoCompletionForm milestoneId={milestone.id} version={milestone.version} />}
            </li>
          ))}
        </ol>
      )}
      {canManage && <AddMilestoneForm measureCode={measure.code} />}
    </>
  );
}
