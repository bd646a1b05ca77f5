import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientIntlProvider } from "@/components/layout/client-intl-provider";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("fullName"), template: `%s · ${t("name")}` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {t("skipToContent")}
        </a>
        <ClientIntlProvider locale={isLocale(locale) ? locale : defaultLocale}>
          <DemoBanner />
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
        </ClientIntlProvider>
      </body>
    </html>
  );
}
