import { z } from "zod";
import { periodSchema } from "@/lib/reports/schemas";

/** GET /api/v1/report-collection.xlsx: which unit's sheet, for which month. */
export const collectionDownloadQuerySchema = z.object({
  unit: z.string().trim().min(1).max(50),
  period: periodSchema,
});

/** POST /api/v1/report-collection?dryRun=1 previews; without it, the upload confirms. */
export const collectionUploadQuerySchema = z.object({ dryRun: z.stringbool().default(false) });

/** Whether the reports are written as drafts or submitted for review: chosen on the preview, sealed by its fingerprint. */
export const collectionIntentSchema = z.enum(["save", "submit"]);
export type CollectionIntent = z.infer<typeof collectionIntentSchema>;

export const collectionPreviewFieldsSchema = z.object({ intent: collectionIntentSchema.default("submit") });

/** The confirming upload names the plan it confirms: the preview's fingerprint. */
export const collectionConfirmFieldsSchema = z.object({
  intent: collectionIntentSchema.default("submit"),
  fingerprint: z.string({ error: "importFingerprint" }).regex(/^[0-9a-f]{64}$/, "importFingerprint"),
});
