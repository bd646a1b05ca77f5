"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div role="alert">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="my-3">{t("body")}</p>
      <button type="button" onClick={reset} className="rounded bg-red-800 px-3 py-1 text-white">
        {t("retry")}
      </button>
    </div>
  );
}
