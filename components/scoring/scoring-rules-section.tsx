import { db } from "@/lib/db";
import { getScoringRules } from "@/lib/scoring/rules";
import { ScoringRulesForm } from "./scoring-rules-form";

/** The scoring rules section of /admin/settings (the page checks settings.manage; the action checks it again). */
export async function ScoringRulesSection() {
  return <ScoringRulesForm rules={await getScoringRules(db)} />;
}
