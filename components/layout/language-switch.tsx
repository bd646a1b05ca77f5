"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { idleState } from "@/lib/errors/action-state";
import { locales } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/set-locale-action";

/** A form with one button per language; it also works before JavaScript loads. */
export function LanguageSwitch() {
  const current = useLocale();
  const t = useTranslations("language");
  const [, formAction, pending] = useActionState(setLocaleAction, idleState);
  return (
    <form action={formAction} className="flex items-center gap-1 text-sm" aria-label={t("switchTo")}>
      <span className="sr-only">{t("label")}</span>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          disabled={pending}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 hover:bg-slate-100 aria-pressed:bg-red-800 aria-pressed:text-white aria-pressed:hover:bg-red-800"
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
