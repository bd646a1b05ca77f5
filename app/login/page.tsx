import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/account/login-form";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getSessionUser } from "@/lib/auth/session-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("login");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-slate-600">{t("intro")}</p>
      <LoginForm callbackUrl={callbackUrl} />
    </div>
  );
}
