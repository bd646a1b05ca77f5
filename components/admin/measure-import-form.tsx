"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useFocusFormError } from "@/components/forms/use-focus-form-error";
import { IMPORT_MAX_BYTES } from "@/lib/measure-import/import-limits";
import type { ImportPlan } from "@/lib/measure-import/import-types";
import type { OfficeChoice } from "@/lib/measure-import/schemas";
import { MeasureImportPreview } from "./measure-import-preview";
import { OfficeMappingEditor, type AreaOption } from "./office-mapping-editor";
import { UploadProgress, XlsxFileField } from "@/components/uploads/upload-field";
import type { UploadAnswer } from "@/components/uploads/upload-with-progress";
import { useUpload } from "@/components/uploads/use-upload";

const IMPORT_URL = "/api/v1/measures/import";
type ApiError = { error: { code: string; values?: Record<string, string>; fieldErrors?: Record<string, { key: string; values?: Record<string, string | number> }> } };

/**
 * Pick a file, preview the dry run, confirm. The confirm re-sends the same
 * file with the preview's fingerprint (and, for an office's table, the choices
 * the preview used); the server refuses if anything changed.
 */
export function MeasureImportForm({ areas, programmes }: { areas: AreaOption[]; programmes: AreaOption[] }) {
  const t = useTranslations("measureImport");
  const tFields = useTranslations("fieldErrors");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);
  // An object, so that the same message twice still moves the focus to it again.
  const [error, setError] = useState<{ message: string } | null>(null);
  const fail = (message: string) => setError({ message });
  const root = useRef<HTMLDivElement>(null);
  useFocusFormError(root, error);
  const { busy, send: upload } = useUpload();

  const describe = (answer: UploadAnswer): string => {
    const { error: failure } = (answer.body ?? { error: { code: "INTERNAL" } }) as ApiError;
    const field = failure.fieldErrors?.file ?? failure.fieldErrors?.fingerprint;
    if (field) return tFields(field.key as never, field.values as never);
    const { at, ...values } = failure.values ?? {};
    return tErrors(failure.code as never, { ...values, at: at ? format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "medium" }) : "" } as never);
  };

  async function send(dryRun: boolean, choice?: OfficeChoice) {
    setError(null);
    setResult(null);
    if (!file) return fail(t("chooseFile"));
    if (file.size > IMPORT_MAX_BYTES) return fail(t("fileTooLarge", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 }));
    const form = new FormData();
    form.set("file", file);
    if (!dryRun && plan) form.set("fingerprint", plan.fingerprint);
    const mapping = dryRun ? choice : plan?.mapping?.choice;
    if (mapping) form.set("mapping", JSON.stringify(mapping));
    try {
      const answer = await upload(dryRun ? `${IMPORT_URL}?dryRun=1` : IMPORT_URL, form);
      if (answer.status !== 200) {
        // A refused confirm (e.g. the plan changed) needs a fresh preview.
        fail(describe(answer));
        setPlan(null);
        return;
      }
      if (dryRun) setPlan(answer.body as ImportPlan);
      else {
        setResult(answer.body as { created: number; updated: number });
        setPlan(null);
      }
    } catch {
      fail(t("networkError"));
    }
  }

  const canConfirm = plan !== null && plan.errors.length === 0 && plan.creates.length + plan.updates.length > 0 && !busy;
  return (
    <div ref={root} className="flex flex-col gap-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <XlsxFileField
          label={t("file")}
          disabled={busy !== null}
          onChange={(chosen) => {
            setFile(chosen);
            setPlan(null);
            setResult(null);
            setError(null);
          }}
        />
        <button type="submit" disabled={busy !== null} aria-busy={busy !== null} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
          {t("preview")}
        </button>
        <button
          type="button"
          disabled={!canConfirm}
          onClick={() => void send(false)}
          className="rounded bg-red-800 px-3 py-1 text-sm text-white hover:bg-red-900 disabled:opacity-60"
        >
          {t("confirm")}
        </button>
      </form>
      <UploadProgress busy={busy} uploading={(percent) => t("uploading", { percent })} processing={t("processing")} testId="import-progress" />
      {error && (
        <p role="alert" tabIndex={-1} className="rounded bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="import-error">
          {error.message}
        </p>
      )}
      {result && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="import-result">
          {t("done", { creates: result.created, updates: result.updated })}
        </p>
      )}
      {plan && plan.errors.length === 0 && plan.creates.length + plan.updates.length === 0 && <p className="text-sm">{t("noChanges")}</p>}
      {plan?.mapping && (
        <OfficeMappingEditor key={plan.fingerprint} mapping={plan.mapping} areas={areas} programmes={programmes} disabled={busy !== null} onApply={(choice) => void send(true, choice)} />
      )}
      {plan && <MeasureImportPreview plan={plan} />}
    </div>
  );
}
