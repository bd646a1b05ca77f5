import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/set-locale-action";

/** A plain form, so switching works even before JavaScript loads. */
export async function LanguageSwitch() {
  const current = await getLocale();
  const t = await getTranslations("language");
  return (
    <form action={setLocaleAction} className="flex items-center gap-1 text-sm" aria-label={t("switchTo")}>
      <span className="sr-only">{t("label")}</span>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 aria-pressed:bg-red-800 aria-pressed:text-white hover:bg-slate-100 aria-pressed:hover:bg-red-800"
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
