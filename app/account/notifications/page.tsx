import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { eventMessageKey } from "@/lib/notifications/event-text";
import { mailEnabled } from "@/lib/notifications/mail-settings";
import { getNotificationPreferences } from "@/lib/notifications/preferences";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.preferences"))("title") };
}

export default async function NotificationPreferencesPage() {
  const user = await requirePageUser("account.notifications");
  const [prefs, t, tTypes] = await Promise.all([
    getNotificationPreferences(db, user.id),
    getTranslations("notifications.preferences"),
    getTranslations("notifications.types"),
  ]);
  const rows = EVENT_TYPES.map((type) => ({ type, label: tTypes(eventMessageKey(type) as never), mode: prefs.modes[type] }));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <PreferencesForm email={prefs.email} rows={rows} mailOn={mailEnabled()} />
    </div>
  );
}
