import { getFormatter, getTranslations } from "next-intl/server";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";
import { DecideExtensionForm, RequestExtensionForm } from "./extension-forms";

export async function MeasureExtensions({ measure, canRequest, canDecide }: { measure: MeasureDetail; canRequest: boolean; canDecide: boolean }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations("workflow")]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  return (
    <>
      {measure.extensionRequests.length === 0 ? (
        <p>{t("noExtensions")}</p>
      ) : (
        <ul className="space-y-2">
          {measure.extensionRequests.map((request) => (
            <li key={request.id} data-extension-state={request.state}>
              <strong>{t(`extensionState_${request.state}`)}</strong>{" "}
              {t("extensionLine", {
                from: date(request.currentDueDate),
                to: date(request.requestedDueDate),
                by: request.requestedBy.displayName,
                reason: request.reason,
              })}
              {request.decidedBy && ` · ${t("reviewer", { name: request.decidedBy.displayName })}`}
              {request.decisionComment && ` · ${t("comment", { comment: request.decisionComment })}`}
              {canDecide && request.state === "PENDING" && <DecideExtensionForm extensionId={request.id} version={request.version} />}
            </li>
          ))}
        </ul>
      )}
      {canRequest && measure.status !== "COMPLETED" && <RequestExtensionForm measureCode={measure.code} />}
    </>
  );
}
