"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { fieldValue, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFocusFormError } from "@/components/forms/use-focus-form-error";
import type { FormAction } from "@/lib/auth/guard";
import type { NoticeLevel } from "@/generated/prisma/enums";
import { idleState } from "@/lib/errors/action-state";
import { decideReplyAction, escalateNoticeAction, issueNoticeAction, replyToNoticeAction, updateNoticeSettingsAction } from "@/lib/notices/actions";
import type { NoticeSettings } from "@/lib/notices/settings";
import { NoticeFormStatus } from "./notice-form-status";

const LEVELS: NoticeLevel[] = ["REMINDER", "SUPERVISE", "SPECIAL"];

/** A notice form's action state; after a rejection the focus moves to the first invalid field, or to the form's error (a conflict, say). */
function useNoticeAction(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const form = useRef<HTMLFormElement>(null);
  useFocusFormError(form, state.status === "error" ? state : null);
  return { state, formAction, pending, form };
}

/** On the measure page, for inspectors: a notice to the lead unit and, if ticked, cooperating units. */
export function IssueNoticeForm({ measureCode, cooperatingUnits, defaultDueDate }: {
  measureCode: string;
  cooperatingUnits: { id: string; name: string }[];
  defaultDueDate: string;
}) {
  const t = useTranslations("notices");
  const tErrors = useTranslations("fieldErrors");
  const { state, formAction, pending, form } = useNoticeAction(issueNoticeAction);
  const unitsError = state.status === "error" ? state.fieldErrors.cooperatingUnitIds : undefined;
  return (
    <form ref={form} action={formAction} className="mt-3 flex flex-col gap-3 rounded border border-slate-200 p-3" data-testid="issue-notice-form">
      <h3 className="font-medium">{t("issueTitle")}</h3>
      <input type="hidden" name="measureCode" value={measureCode} />
      <div className="flex flex-wrap gap-3">
        <SelectField name="level" label={t("level")} state={state} initial="SUPERVISE" options={LEVELS.map((level) => ({ value: level, label: t("levelOption", { level: t(`levels.${level}`), colour: t(`levelColours.${level}`) }) }))} />
        <TextField name="replyDueDate" type="date" label={t("replyDueDate")} state={state} initial={defaultDueDate} />
      </div>
      <TextAreaField name="body" label={t("body")} state={state} />
      {cooperatingUnits.length > 0 && (
        <fieldset className="text-sm">
          <legend className="font-medium">{t("cooperatingUnits")}</legend>
          {cooperatingUnits.map((unit, index) => (
            <label key={unit.id} className="mr-4 inline-flex items-center gap-1">
              <input
                type="checkbox"
                name={`cc_${unit.id}`}
                defaultChecked={fieldValue(state, `cc_${unit.id}`) === "on"}
                aria-invalid={unitsError && index === 0 ? true : undefined}
              />{" "}
              {unit.name}
            </label>
          ))}
          {unitsError && <p className="text-red-700">{tErrors(unitsError.key, unitsError.values ?? {})}</p>}
        </fieldset>
      )}
      <NoticeFormStatus state={state} />
      <div>
        <SubmitButton pending={pending}>{t("issue")}</SubmitButton>
      </div>
    </form>
  );
}

export function ReplyNoticeForm({ noticeId, version, cooperating }: { noticeId: string; version: number; cooperating: boolean }) {
  const t = useTranslations("notices");
  const { state, formAction, pending, form } = useNoticeAction(replyToNoticeAction);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-3" data-testid="reply-notice-form">
      {cooperating && <p className="text-sm text-slate-600">{t("replyCooperatingHint")}</p>}
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField name="body" label={t("replyBody")} state={state} />
      <TextField name="newDueDate" type="date" label={t("newDueDate")} state={state} className="max-w-xs" />
      <NoticeFormStatus state={state} />
      <div>
        <SubmitButton pending={pending}>{t("reply")}</SubmitButton>
      </div>
    </form>
  );
}

export function DecideReplyForm({ noticeId, version }: { noticeId: string; version: number }) {
  const t = useTranslations("notices");
  const { state, formAction, pending, form } = useNoticeAction(decideReplyAction);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-3" data-testid="decide-notice-form">
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField name="comment" label={t("decisionComment")} state={state} rows={3} />
      <NoticeFormStatus state={state} />
      <div className="flex gap-2">
        <button type="submit" name="decision" value="accept" disabled={pending} className="rounded bg-emerald-800 px-3 py-1 text-sm text-white disabled:opacity-60">
          {t("accept")}
        </button>
        <button type="submit" name="decision" value="return" disabled={pending} className="rounded border border-red-800 px-3 py-1 text-sm text-red-900 disabled:opacity-60">
          {t("sendBack")}
        </button>
      </div>
    </form>
  );
}

export function EscalateNoticeForm({ noticeId, version, nextLevel, defaultDueDate }: { noticeId: string; version: number; nextLevel: NoticeLevel; defaultDueDate: string }) {
  const t = useTranslations("notices");
  const { state, formAction, pending, form } = useNoticeAction(escalateNoticeAction);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-3" data-testid="escalate-notice-form">
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField name="body" label={t("escalateBody")} state={state} rows={3} />
      <TextField name="replyDueDate" type="date" label={t("replyDueDate")} state={state} initial={defaultDueDate} className="max-w-xs" />
      <NoticeFormStatus state={state} />
      <div>
        <SubmitButton pending={pending} variant="secondary">{t("escalate", { level: t(`levels.${nextLevel}`) })}</SubmitButton>
      </div>
    </form>
  );
}

/** The automatic rules, on /admin/settings. */
export function NoticeSettingsForm({ settings }: { settings: NoticeSettings }) {
  const t = useTranslations("notices.settings");
  const { state, formAction, pending, form } = useNoticeAction(updateNoticeSettingsAction);
  const checked = (name: keyof NoticeSettings) =>
    state.status === "error" ? state.values[name] === "on" : Boolean(settings[name]);
  const flags = ["noticeRuleReminder", "noticeRuleSupervise", "noticeRuleSpecial", "noticeRuleEscalate"] as const;
  return (
    <form ref={form} action={formAction} className="mt-8 flex max-w-xl flex-col gap-3" data-testid="notice-settings-form">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {flags.map((name) => (
        <label key={name} className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name={name} defaultChecked={checked(name)} /> {t(name)}
        </label>
      ))}
      <TextField name="noticeReplyDays" type="number" label={t("noticeReplyDays")} state={state} initial={String(settings.noticeReplyDays)} />
      <NoticeFormStatus state={state} />
      <div>
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
