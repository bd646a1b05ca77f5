import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiTokenList } from "@/components/account/api-token-list";
import { CreateApiTokenForm } from "@/components/account/create-api-token-form";
import { defaultApiTokenDays } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiTokens"))("title") };
}

export default async function ApiTokensPage() {
  const user = await requirePageUser("account.manageOwnTokens");
  const [tokens, t] = await Promise.all([listApiTokens(db, user.id), getTranslations("apiTokens")]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <p className="text-sm">
        <Link href="/api-docs" className="text-red-800 underline">
          {t("docsLink")}
        </Link>
      </p>
      <CreateApiTokenForm defaultDays={defaultApiTokenDays()} />
      <h2 className="text-lg font-semibold">{t("list")}</h2>
      <ApiTokenList tokens={tokens} />
    </div>
  );
}
