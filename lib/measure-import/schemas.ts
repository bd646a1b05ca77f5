import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";
import { LAYOUT_FIELDS } from "./sheet-layout";
import { TITLE_RULES } from "./sheet-records";

/** POST /api/v1/measures/import?dryRun=1 previews; without it, the upload confirms. */
export const importMeasuresQuerySchema = z.object({ dryRun: z.stringbool().default(false) });

/** A new area proposed for an unknown section; the English name may wait (the Chinese one is shown). */
export const newAreaSchema = z
  .object({
    code: z.string().trim().regex(/^[\p{L}\p{N}._-]{1,20}$/u, "importMapping"),
    titleZh: singleLineText(200),
    titleEn: singleLineText(200).optional(),
    programme: z.string().max(50),
  })
  .strict();
export type NewAreaChoice = z.infer<typeof newAreaSchema>;

/**
 * The admin's choices for an office's table, sent as the JSON form field "mapping"
 * with the preview and again with the confirm: column → field or "ignore", the
 * title rule, the area (code) of each section and of rows without one.
 */
export const officeChoiceSchema = z
  .object({
    columns: z.record(z.string().regex(/^\d{1,3}$/), z.enum([...LAYOUT_FIELDS, "ignore"])).optional(),
    titleRule: z.enum(TITLE_RULES).optional(),
    areas: z.record(z.string().max(200), z.string().max(50)).optional(),
    defaultArea: z.string().max(50).optional(),
    codePrefix: z.string().regex(/^[\p{L}\p{N}._-]{0,20}$/u).optional(),
    // A section without an area → a new area to create with the import (its code, names and programme).
    newAreas: z
      .record(z.string().max(200), newAreaSchema)
      .refine((areas) => Object.keys(areas).length <= 200, "importMapping")
      .optional(),
    // A unit name as written → the unit (code) it means, or the seven cities' governments.
    units: z
      .record(z.string().max(200), z.string().max(50))
      .refine((units) => Object.keys(units).length <= 2_000, "importMapping")
      .optional(),
  })
  .strict();
export type OfficeChoice = z.infer<typeof officeChoiceSchema>;

const mappingField = z
  .string()
  .max(20_000)
  .optional()
  .transform((text, context) => {
    if (!text) return {};
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "importMapping" });
      return z.NEVER;
    }
  })
  .pipe(officeChoiceSchema.optional().default({}));

export const importPreviewFieldsSchema = z.object({ mapping: mappingField });

/** The confirming upload names the plan it confirms: the dry run's fingerprint. */
export const importConfirmFieldsSchema = z.object({
  fingerprint: z.string({ error: "importFingerprint" }).regex(/^[0-9a-f]{64}$/, "importFingerprint"),
  mapping: mappingField,
});
