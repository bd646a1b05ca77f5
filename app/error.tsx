"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition } from "react";
import { DB_UNAVAILABLE_DIGEST } from "@/lib/errors/database-unavailable";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  const tDb = useTranslations("dbFaults");
  // The database is restarting or unreachable (lib/db tags such failures): busy, retry shortly.
  const busy = error.digest === DB_UNAVAILABLE_DIGEST;
  const router = useRouter();
  // The failure was on the server: render the page there again, then clear the boundary.
  const retry = () => startTransition(() => {
    router.refresh();
    reset();
  });
  return (
    <div role="alert" data-testid={busy ? "db-unavailable" : "page-error"}>
      <h1 className="text-2xl font-semibold">{busy ? tDb("title") : t("title")}</h1>
      <p className="my-3">{busy ? tDb("body") : t("body")}</p>
      <button type="button" onClick={retry} className="rounded bg-red-800 px-3 py-1 text-white">
        {busy ? tDb("retry") : t("retry")}
      </button>
    </div>
  );
}
