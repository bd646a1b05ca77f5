import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

export const measureCodeSchema = z.string().trim().min(1).max(32);
export const versionSchema = z.coerce.number().int().min(1);

export const updateMeasureOwnerInputSchema = z.object({
  code: measureCodeSchema,
  version: versionSchema,
  responsiblePerson: singleLineText(60),
});
export type UpdateMeasureOwnerInput = z.infer<typeof updateMeasureOwnerInputSchema>;
