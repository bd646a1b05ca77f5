import { useTranslations } from "next-intl";
import type { NoticeLevel, NoticeState } from "@/generated/prisma/enums";

// Colour plus a shape and the word (with the colour's name), never colour alone.
const levelLooks: Record<NoticeLevel, { className: string; shape: string }> = {
  REMINDER: { className: "bg-sky-100 text-sky-900 border-sky-300", shape: "◆" },
  SUPERVISE: { className: "bg-amber-100 text-amber-900 border-amber-300", shape: "▲" },
  SPECIAL: { className: "bg-red-100 text-red-900 border-red-300", shape: "■" },
};

export function NoticeLevelBadge({ level }: { level: NoticeLevel }) {
  const t = useTranslations("notices");
  const look = levelLooks[level];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs whitespace-nowrap ${look.className}`}
      data-level={level}
      title={t(`levelColours.${level}`)}
    >
      <span aria-hidden="true">{look.shape}</span>
      {t(`levels.${level}`)}
      <span className="sr-only">({t(`levelColours.${level}`)})</span>
    </span>
  );
}

export function NoticeStateBadge({ state, overdue }: { state: NoticeState; overdue?: boolean }) {
  const t = useTranslations("notices");
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs" data-state={state}>
      <span className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5">{t(`states.${state}`)}</span>
      {overdue && <span className="rounded border border-red-400 bg-red-50 px-1.5 py-0.5 font-medium text-red-900">! {t("overdue")}</span>}
    </span>
  );
}

export function NoticeLabel({ year, number }: { year: number; number: number }) {
  const t = useTranslations("notices");
  return <>{t("label", { year, number })}</>;
}
