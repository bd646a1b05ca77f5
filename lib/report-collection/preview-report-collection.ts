import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { withImportSlot } from "@/lib/measure-import/import-slot";
import type { CollectionPlan } from "./collection-types";
import { planReportCollection } from "./plan-report-collection";
import { readCollectionWorkbook } from "./read-collection-workbook";
import type { CollectionIntent } from "./schemas";

/**
 * The dry run of an uploaded report sheet: each row as create, update,
 * unchanged or error (named by row and column). Writes nothing. Like the
 * measure import, one workbook at a time per server process.
 */
export async function previewReportCollection(
  db: PrismaClient,
  user: SessionUser,
  bytes: Uint8Array,
  intent: CollectionIntent,
  today: Date,
): Promise<CollectionPlan> {
  return withImportSlot(async () => {
    const file = await readCollectionWorkbook(bytes);
    return (await planReportCollection(db, user, file, intent, today)).plan;
  });
}
