import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";
import { ReopenForm } from "./extension-forms";
import { MeasureOwnerForm } from "./measure-owner-form";
import { PercentBar } from "./percent-bar";
import { Section } from "./section";

/** The overview tab: what the measure is, who leads it, its dates and figures, where it comes from. */
export async function MeasureOverview({ measure, canEditOwner, canReopen }: { measure: MeasureDetail; canEditOwner: boolean; canReopen: boolean }) {
  const [locale, format, t, tWorkflow, tOngoing] = await Promise.all([
    getLocale(),
    getFormatter(),
    getTranslations("measure"),
    getTranslations("workflow"),
    getTranslations("measureOngoing"),
  ]);
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "long" }) : t("notSet"));
  const amount = (value: { toNumber(): number } | null) => (value === null ? t("notSet") : format.number(value.toNumber()));
  const unitName = (unit: { nameZh: string; nameEn: string }) => localized(unit, "name", locale);
  return (
    <>
      <Section title={t("description")}>
        <p className="whitespace-pre-line">{localized(measure, "description", locale)}</p>
      </Section>
      <Section title={t("facts")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <Fact label={t("leadUnit")}>{unitName(measure.leadUnit)}</Fact>
          <Fact label={t("cooperatingUnits")}>
            {measure.cooperatingUnits.map(({ unit }) => unitName(unit)).join(locale === "en" ? "; " : "、") || t("none")}
          </Fact>
          <Fact label={t("cities")}>
            {measure.cities.map(({ city }) => localized(city, "name", locale)).join(locale === "en" ? ", " : "、")}
          </Fact>
          <Fact label={t("responsiblePerson")}>
            {measure.responsiblePerson ?? t("notSet")}
            {canEditOwner && (
              <MeasureOwnerForm code={measure.code} version={measure.version} responsiblePerson={measure.responsiblePerson ?? ""} />
            )}
          </Fact>
          <Fact label={t("startDate")}>{date(measure.startDate)}</Fact>
          {/* An ongoing task has no end: "Ongoing" (messages measureOngoing) stands where a due date would. */}
          <Fact label={t("dueDate")}>{measure.ongoing ? <span data-testid="measure-ongoing">{tOngoing("due")}</span> : date(measure.dueDate)}</Fact>
          {measure.kpiNameZh && (
            <Fact label={t("kpi")}>
              {locale === "en" ? measure.kpiNameEn : measure.kpiNameZh} ({measure.kpiUnit}) · {t("kpiBaseline")}{" "}
              {amount(measure.kpiBaseline)} · {t("kpiTarget")} {amount(measure.kpiTarget)} · {t("kpiActual")}{" "}
              {amount(measure.kpiActual)}
              {measure.kpiTarget && measure.kpiActual && (
                <PercentBar value={Math.round((measure.kpiActual.toNumber() / measure.kpiTarget.toNumber()) * 100)} />
              )}
            </Fact>
          )}
          {measure.investmentPlanned && (
            <Fact label={t("investment")}>
              {t("investmentPlanned")} {amount(measure.investmentPlanned)} · {t("investmentCompleted")}{" "}
              {amount(measure.investmentCompleted)}
              {measure.investmentCompleted && (
                <PercentBar
                  value={Math.round((measure.investmentCompleted.toNumber() / measure.investmentPlanned.toNumber()) * 100)}
                />
              )}
            </Fact>
          )}
        </dl>
      </Section>

      {measure.status === "COMPLETED" && (
        <Section title={tWorkflow("closedOut")}>
          {canReopen ? <ReopenForm measureCode={measure.code} version={measure.version} /> : null}
        </Section>
      )}

      <Section title={t("sourceDocuments")}>
        {measure.sourceDocuments.length === 0 ? (
          <p>{t("noSourceDocuments")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {measure.sourceDocuments.map(({ sourceDocument: doc }) => (
              <li key={doc.id}>
                {date(doc.issuedOn)}
                {doc.endsOn ? ` – ${date(doc.endsOn)}` : ""} ·{" "}
                {locale === "en" ? doc.titleEn : doc.kind === "DOCUMENT" ? `《${doc.titleZh}》` : doc.titleZh} ·{" "}
                {localized(doc, "issuer", locale)}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
