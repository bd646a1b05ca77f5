import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { loadJobsOverview } from "@/lib/jobs/admin-jobs";
import { isLocale } from "@/lib/i18n/config";
import { eventTypeLabel } from "@/lib/notifications/event-text";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.jobs"))("title") };
}

const cell = "border-b border-slate-200 px-2 py-1 text-left align-top";

export default async function AdminJobsPage() {
  await requirePageUser("jobs.view");
  const [data, t, format, rawLocale] = await Promise.all([loadJobsOverview(db), getTranslations("notifications.jobs"), getFormatter(), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" }) : t("never"));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <p className="mt-1 text-sm" data-testid="scheduler-state">
          {t("scheduler")}: {data.enabled ? t("schedulerOn") : t("schedulerOff")} · {t("pending")}: {data.pendingDeliveries}
        </p>
      </div>

      <table className="w-full border-collapse text-sm" data-testid="jobs-table">
        <thead>
          <tr>
            <th className={cell}>{t("job")}</th>
            <th className={cell}>{t("cron")}</th>
            <th className={cell}>{t("lastRun")}</th>
            <th className={cell}>{t("lastState")}</th>
            <th className={cell}>{t("nextRun")}</th>
          </tr>
        </thead>
        <tbody>
          {data.jobs.map((job) => (
            <tr key={job.name}>
              <td className={`${cell} font-mono`}>{job.name}</td>
              <td className={`${cell} font-mono`}>{job.cron ?? ""}</td>
              <td className={cell}>{when(job.lastRun)}</td>
              <td className={cell}>{job.state ?? ""}</td>
              <td className={cell}>{job.nextRun ? when(job.nextRun) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section>
        <h2 className="text-lg font-semibold">{t("failures")}</h2>
        {data.failures.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noFailures")}</p>
        ) : (
          <ul className="text-sm">
            {data.failures.map((failure, index) => (
              <li key={index} className="border-b border-slate-100 py-1">
                <span className="font-mono">{failure.name}</span> · {failure.state} · {when(failure.at)} · {failure.message ?? ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2 className="text-lg font-semibold">{t("failedDeliveries")}</h2>
        {data.failedDeliveries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noFailedDeliveries")}</p>
        ) : (
          <table className="w-full border-collapse text-sm" data-testid="failed-deliveries">
            <thead>
              <tr>
                <th className={cell}>{t("channel")}</th>
                <th className={cell}>{t("target")}</th>
                <th className={cell}>{t("event")}</th>
                <th className={cell}>{t("attempts")}</th>
                <th className={cell}>{t("error")}</th>
                <th className={cell}>{t("at")}</th>
              </tr>
            </thead>
            <tbody>
              {data.failedDeliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td className={cell}>{delivery.channel}</td>
                  <td className={`${cell} break-all`}>{delivery.target}</td>
                  <td className={cell}>{delivery.subject}</td>
                  <td className={cell}>{delivery.attempts}</td>
                  <td className={`${cell} break-all`}>{delivery.lastError ?? ""}</td>
                  <td className={cell}>{when(delivery.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2 className="text-lg font-semibold">{t("noRecipients")}</h2>
        <p className="text-sm text-slate-700">{t("noRecipientsIntro")}</p>
        {data.unreached.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noNoRecipients")}</p>
        ) : (
          <table className="w-full border-collapse text-sm" data-testid="unreached-events">
            <thead>
              <tr>
                <th className={cell}>{t("event")}</th>
                <th className={cell}>{t("recipients")}</th>
                <th className={cell}>{t("unitsWithoutOfficial")}</th>
                <th className={cell}>{t("at")}</th>
              </tr>
            </thead>
            <tbody>
              {data.unreached.map((row) => (
                <tr key={row.eventId}>
                  <td className={cell}>
                    {eventTypeLabel(locale, row.type)} <span className="text-slate-500">#{row.eventId}</span>
                  </td>
                  <td className={cell}>{row.recipients}</td>
                  <td className={cell}>{format.list(row.units.map((u) => (locale === "en" ? u.nameEn : u.nameZh)))}</td>
                  <td className={cell}>{when(row.dispatchedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
