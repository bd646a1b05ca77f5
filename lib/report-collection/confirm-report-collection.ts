import type { SessionUser } from "@/lib/auth/session-user";
import { can } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError, fieldError } from "@/lib/errors/app-error";
import { withImportSlot } from "@/lib/measure-import/import-slot";
import { saveReportIn } from "@/lib/reports/save-report";
import { planReportCollection } from "./plan-report-collection";
import { readCollectionWorkbook } from "./read-collection-workbook";
import type { CollectionIntent } from "./schemas";

/**
 * The confirmed upload: re-reads the file and re-plans inside one
 * transaction, refuses when the plan differs from the previewed one (its
 * fingerprint), then writes each report through the report form's own use
 * case (same checks, audit and events). Any failure rolls back every row.
 * The unit's official writes its reports; an inspector confirms on the unit's
 * behalf, only as submitted (audited as report.submitOnBehalf, naming both),
 * and may then not review them.
 */
export async function confirmReportCollection(
  db: PrismaClient,
  user: SessionUser,
  bytes: Uint8Array,
  intent: CollectionIntent,
  fingerprint: string,
  today: Date,
) {
  const onBehalf = can(user, "report.submitOnBehalf");
  if (!onBehalf && !can(user, "report.write")) throw new AppError("FORBIDDEN", {}, { file: { key: "reportCollection.errors.officialConfirms" } });
  // On the unit's behalf only as submitted: a draft would wait for an author who never wrote it.
  if (onBehalf && intent !== "submit") throw fieldError("file", "collectOnBehalf.submitOnly");
  return withImportSlot(async () => {
    const file = await readCollectionWorkbook(bytes);
    return db.$transaction(
      async (tx) => {
        const { plan, writes } = await planReportCollection(tx, user, file, intent, today);
        // A changed plan first: whatever it now holds, the user must look at it again.
        if (plan.fingerprint !== fingerprint) throw new AppError("PLAN_CHANGED");
        if (plan.counts.error > 0) throw fieldError("file", "importHasErrors");
        const unit = onBehalf ? await tx.unit.findUniqueOrThrow({ where: { code: plan.unit.code }, select: { id: true, code: true } }) : undefined;
        for (const write of writes) await saveReportIn(tx, user, write.input, today, unit);
        return { created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  });
}
