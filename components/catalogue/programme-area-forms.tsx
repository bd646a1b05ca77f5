"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { createAreaAction, createProgrammeAction, updateAreaAction, updateProgrammeAction } from "@/lib/catalogue/actions";
import { idleState } from "@/lib/errors/action-state";

type Programme = { code: string; titleZh: string; titleEn: string; descriptionZh: string; descriptionEn: string; sortOrder: number; version: number };
type Area = { code: string; titleZh: string; titleEn: string; sortOrder: number; version: number; programmeCode: string };
type Option = { value: string; label: string };

/** Create a programme (no `programme`) or edit one; its code is fixed once created. */
export function ProgrammeForm({ programme }: { programme?: Programme }) {
  const t = useTranslations("catalogueEditor");
  const [state, formAction, pending] = useActionState(programme ? updateProgrammeAction : createProgrammeAction, idleState);
  return (
    <form action={formAction} className="grid gap-x-4 gap-y-1 sm:grid-cols-2" data-testid={programme ? `programme-form-${programme.code}` : "new-programme-form"}>
      {programme ? (
        <>
          <input type="hidden" name="code" value={programme.code} />
          <input type="hidden" name="version" value={programme.version} />
        </>
      ) : (
        <TextField name="code" label={t("fields.code")} state={state} autoComplete="off" />
      )}
      <TextField name="sortOrder" label={t("fields.sortOrder")} state={state} initial={String(programme?.sortOrder ?? 0)} type="number" />
      <TextField name="titleZh" label={t("fields.titleZh")} state={state} initial={programme?.titleZh} />
      <TextField name="titleEn" label={t("fields.titleEn")} state={state} initial={programme?.titleEn} />
      <TextAreaField name="descriptionZh" label={t("fields.descriptionZh")} state={state} initial={programme?.descriptionZh} rows={2} />
      <TextAreaField name="descriptionEn" label={t("fields.descriptionEn")} state={state} initial={programme?.descriptionEn} rows={2} />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <SubmitButton pending={pending}>{programme ? t("save") : t("createSubmit")}</SubmitButton>
      </div>
    </form>
  );
}

/** Create an area (no `area`) or edit one, in a programme. */
export function AreaForm({ area, programmes }: { area?: Area; programmes: Option[] }) {
  const t = useTranslations("catalogueEditor");
  const [state, formAction, pending] = useActionState(area ? updateAreaAction : createAreaAction, idleState);
  return (
    <form action={formAction} className="grid gap-x-4 gap-y-1 sm:grid-cols-2" data-testid={area ? `area-form-${area.code}` : "new-area-form"}>
      {area ? (
        <>
          <input type="hidden" name="code" value={area.code} />
          <input type="hidden" name="version" value={area.version} />
        </>
      ) : (
        <TextField name="code" label={t("fields.code")} state={state} autoComplete="off" />
      )}
      <SelectField name="programmeCode" label={t("fields.programme")} state={state} initial={area?.programmeCode ?? programmes[0]?.value} options={programmes} />
      <TextField name="titleZh" label={t("fields.titleZh")} state={state} initial={area?.titleZh} />
      <TextField name="titleEn" label={t("fields.titleEn")} state={state} initial={area?.titleEn} />
      <TextField name="sortOrder" label={t("fields.sortOrder")} state={state} initial={String(area?.sortOrder ?? 0)} type="number" />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <SubmitButton pending={pending}>{area ? t("save") : t("createSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
