import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/admin/settings-form";
import { BulletinSettingsForm } from "@/components/bulletin/bulletin-settings-form";
import { CredibilitySettingsForm } from "@/components/credibility/credibility-settings-form";
import { getCredibilitySettings } from "@/lib/credibility/settings";
import { ReminderSettingsForm } from "@/components/reminders/reminder-settings-form";
import { ScoringRulesSection } from "@/components/scoring/scoring-rules-section";
import { NoticeSettingsForm } from "@/components/notices/notice-forms";
import { getNoticeSettings } from "@/lib/notices/settings";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getBulletinSettings } from "@/lib/bulletin/settings";
import { db } from "@/lib/db";
import { getReminderSettings } from "@/lib/reminders/settings";
import { todayInChina } from "@/lib/tracking/dates";
import { lightExamples } from "@/lib/tracking/light-examples";
import { getTrackingSettings } from "@/lib/tracking/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  await requirePageUser("settings.manage");
  const [settings, t] = await Promise.all([getTrackingSettings(db), getTranslations("settings")]);
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      <SettingsForm settings={settings} examples={lightExamples(settings, todayInChina())} />
      <ReminderSettingsForm settings={await getReminderSettings(db)} />
      <ScoringRulesSection />
      <NoticeSettingsForm settings={await getNoticeSettings(db)} />
      <BulletinSettingsForm settings={await getBulletinSettings(db)} />
      <CredibilitySettingsForm settings={await getCredibilitySettings(db)} />
    </>
  );
}
