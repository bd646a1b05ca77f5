import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/admin/settings-form";
import { NoticeSettingsForm } from "@/components/notices/notice-forms";
import { getNoticeSettings } from "@/lib/notices/settings";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requirePageUser("settings.manage");
  const [settings, t] = await Promise.all([getTrackingSettings(db), getTranslations("settings")]);
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      <SettingsForm settings={settings} />
      <NoticeSettingsForm settings={await getNoticeSettings(db)} />
    </>
  );
}
