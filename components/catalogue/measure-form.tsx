"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { fieldValue, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { UnitPicker, type UnitChoice } from "@/components/forms/unit-picker";
import { useUnitListSource } from "@/components/forms/unit-list-source";
import { UnitMultiPicker } from "@/components/forms/unit-multi-picker";
import { createMeasureAction, updateMeasureAction } from "@/lib/catalogue/actions";
import type { CatalogueChoices, MeasureForEdit } from "@/lib/catalogue/load-catalogue-form";
import { idleState, type ActionState } from "@/lib/errors/action-state";
import { localized } from "@/lib/i18n/localized";

/** `units`: every active unit, searched in the browser by the lead and cooperating unit pickers. */
type Props = { choices: CatalogueChoices; units: UnitChoice[] } & ({ mode: "create"; measure?: undefined } | { mode: "edit"; measure: MeasureForEdit });

/**
 * Every catalogue field of a measure, to create one or edit it (admins). An edit
 * names the version it was read at; a refused form keeps what was typed.
 */
export function MeasureForm({ choices, units, mode, measure }: Props) {
  const t = useTranslations("catalogueEditor");
  const tUnits = useTranslations("catalogueUnits");
  // Any active unit may lead or cooperate, not only those already leading a measure.
  const unitSource = useUnitListSource(units);
  const tErrors = useTranslations("fieldErrors");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(mode === "create" ? createMeasureAction : updateMeasureAction, idleState);
  const initial = measure?.values;
  const value = (name: keyof NonNullable<typeof initial>) => initial?.[name] ?? "";
  const areaOptions = choices.programmes.flatMap((programme) =>
    programme.areas.map((area) => ({ value: area.code, label: `${area.code} ${localized(area, "title", locale)} (${localized(programme, "title", locale)})` })),
  );
  const leadError = state.status === "error" ? state.fieldErrors.leadUnit : undefined;
  const dayHint = t("hints.dates");
  return (
    <form action={formAction} className="grid gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="measure-form">
      {mode === "create" ? (
        <TextField name="code" label={t("fields.code")} state={state} hint={t("hints.code")} autoComplete="off" />
      ) : (
        <>
          <input type="hidden" name="code" value={measure.code} />
          <input type="hidden" name="version" value={measure.version} />
        </>
      )}
      <SelectField name="areaCode" label={t("fields.area")} state={state} initial={value("areaCode") || areaOptions[0]?.value} options={areaOptions} />
      <TextField name="titleZh" label={t("fields.titleZh")} state={state} initial={value("titleZh")} className="sm:col-span-2" />
      <TextField name="titleEn" label={t("fields.titleEn")} state={state} initial={value("titleEn")} className="sm:col-span-2" />
      <TextAreaField name="descriptionZh" label={t("fields.descriptionZh")} state={state} initial={value("descriptionZh")} rows={3} />
      <TextAreaField name="descriptionEn" label={t("fields.descriptionEn")} state={state} initial={value("descriptionEn")} rows={3} />
      <div className="flex flex-col gap-1">
        <UnitPicker name="leadUnit" label={t("fields.leadUnit")} selected={measure?.leadUnit ?? null} source={unitSource} placeholder={t("pickUnit")} />
        <p className="min-h-5 text-sm leading-5 text-red-700" role={leadError ? "alert" : undefined}>
          {leadError ? tErrors(leadError.key, leadError.values ?? {}) : null}
        </p>
      </div>
      <UnitMultiPicker
        name="cooperatingUnits"
        label={t("fields.cooperatingUnits")}
        initial={measure?.cooperatingUnits ?? []}
        source={unitSource}
        state={state}
        placeholder={tUnits("addUnit")}
      />
      <CityChecklist cities={choices.cities} state={state} initial={value("cities")} />
      <TextField name="responsiblePerson" label={t("fields.responsiblePerson")} state={state} initial={value("responsiblePerson")} />
      <TextField name="startDate" label={t("fields.startDate")} state={state} initial={value("startDate")} type="date" hint={dayHint} />
      <TextField name="dueDate" label={t("fields.dueDate")} state={state} initial={value("dueDate")} type="date" hint={dayHint} />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        {/* An unticked box sends nothing: after a rejection, its absence is what was chosen. */}
        <input type="checkbox" name="ongoing" defaultChecked={state.status === "error" ? state.values.ongoing === "on" : value("ongoing") === "on"} />
        {t("ongoingLabel")}
      </label>
      <TextField name="kpiNameZh" label={t("fields.kpiNameZh")} state={state} initial={value("kpiNameZh")} />
      <TextField name="kpiNameEn" label={t("fields.kpiNameEn")} state={state} initial={value("kpiNameEn")} />
      <TextField name="kpiUnit" label={t("fields.kpiUnit")} state={state} initial={value("kpiUnit")} />
      <TextField name="kpiBaseline" label={t("fields.kpiBaseline")} state={state} initial={value("kpiBaseline")} hint={t("hints.amount")} />
      <TextField name="kpiTarget" label={t("fields.kpiTarget")} state={state} initial={value("kpiTarget")} hint={t("hints.amount")} />
      <TextField name="investmentPlanned" label={t("fields.investmentPlanned")} state={state} initial={value("investmentPlanned")} hint={t("hints.amount")} />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        {state.status === "success" && state.data?.code && (
          <Link href={`/measures/${encodeURIComponent(state.data.code)}`} className="text-sm text-red-900 underline" data-testid="open-measure">
            {mode === "create" ? t("openMeasure", { code: state.data.code }) : t("backToMeasure")}
          </Link>
        )}
      </div>
      <div>
        <SubmitButton pending={pending}>{mode === "create" ? t("createSubmit") : t("save")}</SubmitButton>
      </div>
    </form>
  );
}

/** The cities as checkboxes, posted as one comma-separated field (a form keeps one value per name). */
function CityChecklist({ cities, state, initial }: { cities: CatalogueChoices["cities"]; state: ActionState; initial: string }) {
  const t = useTranslations("catalogueEditor");
  const locale = useLocale();
  const [chosen, setChosen] = useState(() => new Set(fieldValue(state, "cities", initial).split(",").filter(Boolean)));
  const toggle = (code: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium">{t("fields.cities")}</legend>
      <input type="hidden" name="cities" value={[...chosen].join(",")} />
      <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {cities.map((city) => (
          <label key={city.code} className="flex items-center gap-1">
            <input type="checkbox" checked={chosen.has(city.code)} onChange={() => toggle(city.code)} />
            {localized(city, "name", locale)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

