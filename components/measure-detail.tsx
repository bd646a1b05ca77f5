import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { MeasureDetail } from "@/lib/measures/get-measure-by-code";
import { MeasureOwnerForm } from "./measure-owner-form";
import { MeasureReports } from "./measure-reports";
import { PercentBar } from "./percent-bar";
import { SampleDataBanner } from "./sample-data-banner";
import { StatusBadge } from "./status-badge";

/** Everything known about one measure: facts, figures, milestones, sources, reports. */
export async function MeasureDetailView({ measure, canEditOwner }: { measure: MeasureDetail; canEditOwner: boolean }) {
  const [locale, format, t] = await Promise.all([getLocale(), getFormatter(), getTranslations("measure")]);
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "long" }) : t("notSet"));
  const amount = (value: { toNumber(): number } | null) => (value === null ? t("notSet") : format.number(value.toNumber()));
  const unitName = (unit: { nameZh: string; nameEn: string }) => localized(unit, "name", locale);

  return (
    <article>
      <Link href="/" className="text-sm text-red-900 hover:underline">
        ← {t("backToCatalogue")}
      </Link>
      <p className="mt-3 text-sm text-slate-500">
        {localized(measure.area.programme, "title", locale)} › {measure.area.code} {localized(measure.area, "title", locale)}
      </p>
      <h1 className="mb-4 text-2xl font-semibold">
        <span className="mr-2 font-mono text-slate-500">{measure.code}</span>
        {localized(measure, "title", locale)}
      </h1>
      {measure.isSample && <SampleDataBanner />}

      <Section title={t("description")}>
        <p className="whitespace-pre-line">{localized(measure, "description", locale)}</p>
      </Section>

      <Section title={t("facts")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <Fact label={t("leadUnit")}>{unitName(measure.leadUnit)}</Fact>
          <Fact label={t("cooperatingUnits")}>
            {measure.cooperatingUnits.map(({ unit }) => unitName(unit)).join("、") || t("none")}
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
          <Fact label={t("dueDate")}>{date(measure.dueDate)}</Fact>
          <Fact label={t("status")}>
            <StatusBadge status={measure.status} />
          </Fact>
          <Fact label={t("percent")}>
            <PercentBar value={measure.percentComplete} />
          </Fact>
          {measure.kpiNameZh && (
            <Fact label={t("kpi")}>
              {locale === "en" ? measure.kpiNameEn : measure.kpiNameZh} ({measure.kpiUnit}) · {t("kpiBaseline")}{" "}
              {amount(measure.kpiBaseline)} · {t("kpiTarget")} {amount(measure.kpiTarget)} · {t("kpiActual")}{" "}
              {amount(measure.kpiActual)}
            </Fact>
          )}
          {measure.investmentPlanned && (
            <Fact label={t("investment")}>
              {t("investmentPlanned")} {amount(measure.investmentPlanned)} · {t("investmentCompleted")}{" "}
              {amount(measure.investmentCompleted)}
            </Fact>
          )}
        </dl>
      </Section>

      <Section title={t("milestones")}>
        {measure.milestones.length === 0 ? (
          <p>{t("noMilestones")}</p>
        ) : (
          <ol className="list-decimal pl-6">
            {measure.milestones.map((milestone) => (
              <li key={milestone.id}>
                {localized(milestone, "title", locale)} — {t("milestoneDue")} {date(milestone.dueDate)} ·{" "}
                {milestone.completedOn ? t("milestoneDone", { date: date(milestone.completedOn) }) : t("milestoneOpen")}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t("sourceDocuments")}>
        {measure.sourceDocuments.length === 0 ? (
          <p>{t("noSourceDocuments")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {measure.sourceDocuments.map(({ sourceDocument: doc }) => (
              <li key={doc.id}>
                {date(doc.issuedOn)}
                {doc.endsOn ? ` – ${date(doc.endsOn)}` : ""} · {locale === "en" ? doc.titleEn : doc.kind === "DOCUMENT" ? `《${doc.titleZh}》` : doc.titleZh} ·{" "}
                {localized(doc, "issuer", locale)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t("reports")}>
        <MeasureReports reports={measure.progressReports} />
      </Section>
    </article>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mb-6 rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
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
