import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/change-password-form";
import { requirePageUser } from "@/lib/auth/page-guard";

export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  const user = await requirePageUser("account.changeOwnPassword", { allowWhileMustChangePassword: true });
  const t = await getTranslations("account");
  return (
    <div>
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      {user.mustChangePassword && (
        <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {t("mustChange")}
        </p>
      )}
      <ChangePasswordForm />
    </div>
  );
}
