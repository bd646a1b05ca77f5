import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid").refine((value) => !Number.isNaN(Date.parse(value)), "invalid");

export const createApiTokenInputSchema = z.object({
  name: singleLineText(60),
  /** Last day the token works (China time); empty = the default lifetime (LUOSHI_API_TOKEN_DAYS). */
  expiresOn: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(isoDate.optional()),
  /** READ only reads; WRITE may also change (POST, PUT, PATCH, DELETE). */
  scope: z.enum(["READ", "WRITE"]).default("READ"),
});

export const revokeApiTokenInputSchema = z.object({ tokenId: z.string().trim().min(1).max(40) });

export type CreateApiTokenInput = z.infer<typeof createApiTokenInputSchema>;
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenInputSchema>;
