import { z } from "zod";
import { ApiTokenScope } from "@/generated/prisma/enums";
import { calendarDayString } from "@/lib/validation/period";
import { singleLineText } from "@/lib/validation/text";

export const createApiTokenInputSchema = z.object({
  name: singleLineText(60),
  /** Last day the token works (China time); empty = the default lifetime (LUOSHI_API_TOKEN_DAYS). */
  expiresOn: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(calendarDayString().optional()),
  /** READ only reads; WRITE may also change (POST, PUT, PATCH, DELETE). */
  scope: z.enum(ApiTokenScope).default("READ"),
});

export const revokeApiTokenInputSchema = z.object({ tokenId: z.string().trim().min(1).max(40) });

export type CreateApiTokenInput = z.infer<typeof createApiTokenInputSchema>;
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenInputSchema>;
