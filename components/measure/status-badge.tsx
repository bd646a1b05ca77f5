import { getTranslations } from "next-intl/server";
import type { MeasureStatus } from "@/generated/prisma/enums";

const styles: Record<MeasureStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-700",
  IN_PROGRESS: "bg-sky-100 text-sky-800",
  COMPLETED: "bg-emerald-100 text-emerald-800",
  SUSPENDED: "bg-zinc-200 text-zinc-700",
};

export async function StatusBadge({ status }: { status: MeasureStatus }) {
  const t = await getTranslations("status");
  return <span className={`rounded px-2 py-0.5 text-xs whitespace-nowrap ${styles[status]}`}>{t(status)}</span>;
}
