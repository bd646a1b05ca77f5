"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { BulletinFormDefaults, BulletinFormat } from "@/lib/bulletin/schemas";
import type { FieldError } from "@/lib/errors/app-error";
import { UnitPicker, type UnitChoice } from "@/components/forms/unit-picker";
import { useFocusFormError } from "@/components/forms/use-focus-form-error";

type Option = { value: string; label: string };
type Props = {
  defaults: BulletinFormDefaults;
  maxMonth: string;
  options: { programmes: Option[]; areas: Option[]; cities: Option[]; leadUnit: UnitChoice | null };
  /** Whether the user may issue the bulletin as final (the server checks again). */
  canIssue: boolean;
};
type Status = { kind: "idle" } | { kind: "preparing"; format: BulletinFormat; issue: boolean } | { kind: "done"; file: string } | { kind: "error"; message: string };

/** The file name the server chose (the UTF-8 one when given). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) return decodeURIComponent(utf8[1]!);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * Month, scope and language for the inspection bulletin: a preview of its first page (the
 * form is a GET of this page), downloads, and for inspectors and admins the
 * issue as final. Files are fetched rather than linked, so the button can say
 * it is being prepared (a PDF of everything takes a few seconds) and show why it failed.
 */
export function BulletinForm({ defaults, maxMonth, options, canIssue }: Props) {
  const t = useTranslations("bulletin");
  const tUi = useTranslations("tongbao.ui");
  const router = useRouter();
  const tErrors = useTranslations("errors");
  const tFields = useTranslations("fieldErrors");
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  useFocusFormError(form, status.kind === "error" ? status : null);

  async function download(format: BulletinFormat, issue = false) {
    if (!form.current?.reportValidity()) return;
    if (issue && !window.confirm(tUi("issueConfirm"))) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) if (typeof value === "string" && value !== "") params.set(key, value);
    setStatus({ kind: "preparing", format, issue });
    try {
      // POST issues the bulletin as final (its issue number is taken); GET is a preview unless issued before.
      const response = await fetch(`/api/v1/bulletin.${format}?${params.toString()}`, { method: issue ? "POST" : "GET" });
      if (!response.ok) {
        // The API's error shape: { error: { code, fieldErrors } }, with message keys.
        const body = (await response.json().catch(() => null)) as { error?: { code?: string; fieldErrors?: Record<string, FieldError> } } | null;
        const field = Object.values(body?.error?.fieldErrors ?? {})[0];
        const message = field ? tFields(field.key, field.values ?? {}) : body?.error?.code ? tErrors(body.error.code) : null;
        setStatus({ kind: "error", message: message ? t("failed", { message }) : t("failedUnknown") });
        return;
      }
      const file = fileNameOf(response, `bulletin.${format}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser a moment to start saving before the object URL goes.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ kind: "done", file });
      // The preview shows the issued number from now on.
      if (issue) router.refresh();
    } catch {
      setStatus({ kind: "error", message: t("failedUnknown") });
    }
  }

  const select = (name: "programme" | "area" | "city", label: string, items: Option[]) => (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select name={name} defaultValue={defaults[name] ?? ""} className="rounded border border-slate-300 px-2 py-1">
        <option value="">{t("all")}</option>
        {items.map((item) => (
          <option key={item.value} value={item.value}>{item.label}</option>
        ))}
      </select>
    </label>
  );
  const busy = status.kind === "preparing";
  const button = (format: BulletinFormat, label: string, issue = false) => {
    const mine = busy && status.format === format && status.issue === issue;
    return (
      <button
        type="button"
        onClick={() => void download(format, issue)}
        disabled={busy}
        aria-busy={mine}
        data-testid={`bulletin-${issue ? "issue-" : ""}${format}`}
        className={`rounded px-3 py-1 text-sm disabled:cursor-wait disabled:opacity-60 ${issue ? "bg-red-800 text-white hover:bg-red-900" : "border border-slate-400 bg-white text-slate-900 hover:bg-slate-50"}`}
      >
        {mine ? t("preparing") : label}
      </button>
    );
  };

  return (
    <form ref={form} method="get" action="/bulletin" className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("pageTitle")}>
      <label className="flex flex-col gap-1 text-sm">
        {t("month")}
        <input type="month" name="month" required defaultValue={defaults.month} max={maxMonth} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      {select("programme", t("programme"), options.programmes)}
      {select("area", t("area"), options.areas)}
      {select("city", t("city"), options.cities)}
      <UnitPicker name="leadUnit" label={t("leadUnit")} selected={options.leadUnit} />
      <label className="flex flex-col gap-1 text-sm">
        {t("lang")}
        <select name="lang" defaultValue={defaults.lang} className="rounded border border-slate-300 px-2 py-1">
          <option value="zh-CN">{t("langZh")}</option>
          <option value="en">{t("langEn")}</option>
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-3">
        <button type="submit" disabled={busy} data-testid="bulletin-preview-button" className="rounded bg-slate-800 px-3 py-1 text-sm text-white hover:bg-slate-900 disabled:opacity-60">
          {tUi("preview")}
        </button>
        {button("docx", t("downloadDocx"))}
        {button("pdf", t("downloadPdf"))}
        {canIssue && button("docx", tUi("issueDocx"), true)}
        {canIssue && button("pdf", tUi("issuePdf"), true)}
        <p role="status" aria-live="polite" className="text-sm" data-testid="bulletin-status">
          {status.kind === "preparing" && t("preparing")}
          {status.kind === "done" && t("done", { file: status.file })}
        </p>
        {status.kind === "error" && (
          <p role="alert" tabIndex={-1} className="w-full text-sm text-red-800" data-testid="bulletin-error">{status.message}</p>
        )}
      </div>
    </form>
  );
}
