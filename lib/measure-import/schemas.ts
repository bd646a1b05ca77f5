import { z } from "zod";

/** POST /api/v1/measures/import?dryRun=1 previews; without it, the upload confirms. */
export const importMeasuresQuerySchema = z.object({ dryRun: z.stringbool().default(false) });

/** The confirming upload names the plan it confirms: the dry run's fingerprint. */
export const importConfirmFieldsSchema = z.object({ fingerprint: z.string({ error: "importFingerprint" }).regex(/^[0-9a-f]{64}$/, "importFingerprint") });
