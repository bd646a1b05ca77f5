import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { lightColours } from "@/components/light/light-styles";
import type { DashboardCard } from "@/lib/dashboard/dashboard-links";

/** The change since last month as "▲ 3" / "▼ 2" / "＝", in neutral grey: a rise is not good or bad in itself. */
async function Change({ change }: { change: number }) {
  const t = await getTranslations("dashboardView");
  const sentence = change > 0 ? t("changeUp", { count: change }) : change < 0 ? t("changeDown", { count: -change }) : t("changeNone");
  return (
    <span className="block text-xs text-slate-500 tabular-nums" title={sentence} data-testid="card-change" data-change={change}>
      <span aria-hidden="true">{change > 0 ? `▲ ${change}` : change < 0 ? `▼ ${-change}` : "＝"}</span>
      <span className="sr-only">{sentence}</span>
    </span>
  );
}

const testId = (key: string) => `card-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/**
 * The dashboard's numbers. Cards are neutral; only the cards that count a light
 * carry its colour (a bar on the left), so nothing else competes with the red light.
 */
export async function DashboardCards({ cards, investment }: {
  /** Each card's link, or null when the user may not open its list (linkFor). */
  cards: (Omit<DashboardCard, "href"> & { href: string | null })[];
  investment: { planned: number; completed: number };
}) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const percent = investment.planned ? Math.round((investment.completed / investment.planned) * 100) : 0;
  const box = "block h-full rounded border border-slate-200 bg-white p-3";
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
      {cards.map((card) => {
        const content = (
          <>
            <span className="block text-sm text-slate-600">{t(`card${card.key[0]!.toUpperCase()}${card.key.slice(1)}` as "cardTotal")}</span>
            <span className="text-2xl font-semibold text-slate-900 tabular-nums">{card.value}</span>
            {card.change !== null && <Change change={card.change} />}
          </>
        );
        const style = card.light ? { borderLeftColor: lightColours[card.light], borderLeftWidth: 4 } : undefined;
        return (
          <li key={card.key}>
            {card.href ? (
              <Link href={card.href} data-testid={testId(card.key)} style={style} className={`${box} hover:border-slate-500 focus-visible:border-slate-500`}>
                {content}
              </Link>
            ) : (
              <div data-testid={testId(card.key)} style={style} className={box}>{content}</div>
            )}
          </li>
        );
      })}
      <li className="col-span-2 rounded border border-slate-200 bg-white p-3">
        <span className="block text-sm text-slate-600">{t("cardInvestment")}</span>
        <span className="tabular-nums">
          {t("investmentLine", { planned: format.number(investment.planned), completed: format.number(investment.completed), percent })}
        </span>
      </li>
    </ul>
  );
}
