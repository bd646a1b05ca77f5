import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereForm } from "@/components/account/sign-out-everywhere-form";
import { requirePageUser } from "@/lib/auth/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function ChangePasswordPage() {
  const user = await requirePageUser("account.changeOwnPassword", { allowWhileMustChangePassword: true });
  const [t, tTokens] = await Promise.all([getTranslations("account"), getTranslations("apiTokens")]);
  return (
    <div>
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      {user.mustChangePassword && (
        <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {t("mustChange")}
        </p>
      )}
      <ChangePasswordForm />
      <div className="mt-8">
        <SignOutEverywhereForm />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/account/tokens" className="text-red-800 underline">
          {tTokens("passwordLink")}
        </Link>
      </p>
    </div>
  );
}
