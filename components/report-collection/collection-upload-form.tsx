"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useFocusFormError } from "@/components/forms/use-focus-form-error";
import { UploadProgress, XlsxFileField } from "@/components/uploads/upload-field";
import type { UploadAnswer } from "@/components/uploads/upload-with-progress";
import { useUpload } from "@/components/uploads/use-upload";
import { IMPORT_MAX_BYTES } from "@/lib/measure-import/import-limits";
import type { CollectionPlan } from "@/lib/report-collection/collection-types";
import type { CollectionIntent } from "@/lib/report-collection/schemas";
import { CollectionPreview } from "./collection-preview";

const UPLOAD_URL = "/api/v1/report-collection";
type FieldProblem = { key: string; values?: Record<string, string | number> };
type ApiError = { error: { code: string; values?: Record<string, string>; fieldErrors?: Record<string, FieldProblem> } };
type Written = { created: number; updated: number; unchanged: number };

/**
 * Pick the filled-in sheet and how to write the reports, preview, confirm.
 * The confirm re-sends the same file and choice with the preview's
 * fingerprint; the server refuses if anything changed since. The unit's
 * official confirms its own reports; an inspector confirms on the unit's
 * behalf, as submitted only; anyone else previews.
 */
export function CollectionUploadForm({ confirmAs }: { confirmAs: "unit" | "onBehalf" | null }) {
  const t = useTranslations("reportCollection");
  const tOnBehalf = useTranslations("collectOnBehalf");
  const canConfirm = confirmAs !== null;
  const tAll = useTranslations();
  const [file, setFile] = useState<File | null>(null);
  const [intent, setIntent] = useState<CollectionIntent>("submit");
  const [plan, setPlan] = useState<CollectionPlan | null>(null);
  const [result, setResult] = useState<Written | null>(null);
  // An object, so that the same message twice still moves the focus to it again.
  const [error, setError] = useState<{ message: string } | null>(null);
  const fail = (message: string) => setError({ message });
  const root = useRef<HTMLDivElement>(null);
  useFocusFormError(root, error);
  const { busy, send: upload } = useUpload();

  const describe = (answer: UploadAnswer): string => {
    const { error: failure } = (answer.body ?? { error: { code: "INTERNAL" } }) as ApiError;
    const field = failure.fieldErrors?.file ?? failure.fieldErrors?.fingerprint;
    // This page's own messages carry their namespace; the import's shared ones are under "fieldErrors".
    if (field) return tAll((field.key.includes(".") ? field.key : `fieldErrors.${field.key}`) as never, field.values as never);
    return tAll(`errors.${failure.code}` as never, { by: "?", at: "", ...failure.values } as never);
  };

  async function send(dryRun: boolean) {
    setError(null);
    setResult(null);
    if (!file) return fail(t("chooseFile"));
    if (file.size > IMPORT_MAX_BYTES) return fail(t("fileTooLarge", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 }));
    const form = new FormData();
    form.set("file", file);
    form.set("intent", intent);
    if (!dryRun && plan) form.set("fingerprint", plan.fingerprint);
    try {
      const answer = await upload(dryRun ? `${UPLOAD_URL}?dryRun=1` : UPLOAD_URL, form);
      if (answer.status !== 200) {
        fail(describe(answer));
        setPlan(null);
        return;
      }
      if (dryRun) setPlan(answer.body as CollectionPlan);
      else {
        setResult(answer.body as Written);
        setPlan(null);
      }
    } catch {
      fail(t("networkError"));
    }
  }

  const reset = () => {
    setPlan(null);
    setResult(null);
    setError(null);
  };
  const writes = plan ? plan.counts.create + plan.counts.update : 0;
  const confirmable = canConfirm && plan !== null && plan.counts.error === 0 && writes > 0 && busy === null;
  return (
    <div ref={root} className="flex flex-col gap-4">
      <form
        className="flex flex-wrap items-end gap-3 text-sm"
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
            reset();
          }}
        />
        {confirmAs !== "onBehalf" && (
          <fieldset className="flex flex-col gap-1">
            <legend>{t("intent")}</legend>
            <div className="flex gap-3">
              {(["submit", "save"] as const).map((choice) => (
                <label key={choice} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name="intent"
                    value={choice}
                    checked={intent === choice}
                    disabled={busy !== null}
                    onChange={() => {
                      setIntent(choice);
                      reset();
                    }}
                  />
                  {t(choice === "submit" ? "intentSubmit" : "intentSave")}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <button type="submit" disabled={busy !== null} aria-busy={busy !== null} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 disabled:opacity-60">
          {t("preview")}
        </button>
        {canConfirm && (
          <button type="button" disabled={!confirmable} onClick={() => void send(false)} className="rounded bg-red-800 px-3 py-1 text-white hover:bg-red-900 disabled:opacity-60">
            {confirmAs === "onBehalf" ? tOnBehalf("confirm") : t("confirm")}
          </button>
        )}
      </form>
      <UploadProgress busy={busy} uploading={(percent) => t("uploading", { percent })} processing={t("processing")} />
      {error && (
        <p role="alert" tabIndex={-1} className="rounded bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="collection-error">
          {error.message}
        </p>
      )}
      {result && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="collection-result">
          {t("done", { creates: result.created, updates: result.updated, unchanged: result.unchanged })}
        </p>
      )}
      {plan && plan.counts.error === 0 && writes === 0 && <p className="text-sm">{t("noChanges")}</p>}
      {plan && <CollectionPreview plan={plan} />}
    </div>
  );
}
