"use client";

import { NextIntlClientProvider } from "next-intl";
import { type Locale, timeZone } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

// The catalogues travel in the client bundle (a static file the browser caches), not in
// every page's RSC payload: passed from the server they were ~95 KB of each page, every time.
const catalogues: Record<Locale, typeof en> = { "zh-CN": zhCN, en };

/** The messages, locale and time zone for client components' `useTranslations`. */
export function ClientIntlProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={catalogues[locale]}>
      {children}
    </NextIntlClientProvider>
  );
}
