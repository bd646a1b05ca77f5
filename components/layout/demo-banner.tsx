import { getTranslations } from "next-intl/server";
import { DEMO_PASSWORD, isDemoMode } from "@/lib/demo/mode";

/** On every page in demo mode: the accounts' password is public, so no real data belongs here. */
export async function DemoBanner() {
  if (!isDemoMode()) return null;
  const t = await getTranslations("demoMode");
  return (
    <p role="note" data-testid="demo-banner" className="bg-amber-300 px-4 py-1 text-center text-sm font-medium text-amber-950 print:hidden">
      {t("banner", { password: DEMO_PASSWORD })}
    </p>
  );
}
