"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/errors/action-state";
import { createUnitAction, updateUnitAction } from "@/lib/units/actions";

type Option = { value: string; label: string };
type Options = { kindOptions: Option[]; cityOptions: Option[] };

export function CreateUnitForm({ kindOptions, cityOptions }: Options) {
  const t = useTranslations("adminUnits");
  const [state, formAction, pending] = useActionState(createUnitAction, idleState);
  return (
    <form action={formAction} className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="create-unit-form">
      <h2 className="text-lg font-semibold sm:col-span-2">{t("create")}</h2>
      <TextField name="code" label={t("code")} state={state} autoComplete="off" />
      <TextField name="nameZh" label={t("nameZh")} state={state} autoComplete="off" />
      <TextField name="nameEn" label={t("nameEn")} state={state} autoComplete="off" />
      <SelectField name="kind" label={t("kind")} state={state} initial="OTHER" options={kindOptions} />
      <SelectField name="cityId" label={t("city")} state={state} options={[{ value: "", label: t("noCity") }, ...cityOptions]} />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
      </div>
      <div>
        <SubmitButton pending={pending}>{t("createSubmit")}</SubmitButton>
      </div>
    </form>
  );
}

export type UnitRowData = {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  cityId: string | null;
  active: boolean;
  version: number;
  webhookUrl: string | null;
  users: number;
  measures: number;
};

/** One unit in the edit drawer: names, kind, city, robot webhook, active. */
export function UnitEditForm({ unit, kindOptions, cityOptions }: Options & { unit: UnitRowData }) {
  const t = useTranslations("adminUnits");
  const [state, formAction, pending] = useActionState(updateUnitAction, idleState);
  return (
    <div className="flex flex-col gap-3" data-unit-code={unit.code}>
      <p className="text-sm">
        <span className="font-mono font-semibold">{unit.code}</span> · {t("users")} {unit.users} · {t("measures")} {unit.measures}
      </p>
      <form action={formAction} className="flex flex-col gap-2">
        <input type="hidden" name="unitId" value={unit.id} />
        <input type="hidden" name="version" value={unit.version} />
        <TextField name="nameZh" label={t("nameZh")} state={state} initial={unit.nameZh} />
        <TextField name="nameEn" label={t("nameEn")} state={state} initial={unit.nameEn} />
        <SelectField name="kind" label={t("kind")} state={state} initial={unit.kind} options={kindOptions} />
        <SelectField
          name="cityId"
          label={t("city")}
          state={state}
          initial={unit.cityId ?? ""}
          options={[{ value: "", label: t("noCity") }, ...cityOptions]}
        />
        <TextField name="webhookUrl" label={t("webhookUrl")} state={state} initial={unit.webhookUrl ?? ""} type="url" />
        <label className="flex items-center gap-1 text-sm">
          {/* An unticked box sends nothing: after a rejection, its absence is what was chosen. */}
          <input type="checkbox" name="active" defaultChecked={state.status === "error" ? state.values.active === "on" : unit.active} />
          {t("active")}
        </label>
        <FormStatus state={state} />
        <div>
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
