import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";
import { newPasswordSchema } from "@/lib/auth/password";
import { roles } from "@/lib/auth/permissions";
import { lenient } from "@/lib/validation/lenient";

const idSchema = z.string().trim().min(1).max(40);
const versionSchema = z.coerce.number().int().min(1);
/** An empty select means "no unit". */
const optionalUnitIdSchema = z
  .string()
  .trim()
  .max(40)
  .transform((value) => value || null);

export const loginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "loginNameFormat");

export const displayNameSchema = singleLineText(60);

export const createUserInputSchema = z.object({
  loginName: loginNameSchema,
  displayName: displayNameSchema,
  role: z.enum(roles, "invalid"),
  unitId: optionalUnitIdSchema,
});

export const updateUserAccessInputSchema = z.object({
  userId: idSchema,
  version: versionSchema,
  displayName: displayNameSchema,
  role: z.enum(roles, "invalid"),
  unitId: optionalUnitIdSchema,
});

export const setUserActiveInputSchema = z.object({
  userId: idSchema,
  version: versionSchema,
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const resetUserPasswordInputSchema = z.object({ userId: idSchema, version: versionSchema });

export const changeOwnPasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "passwordMismatch",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "passwordUnchanged",
  });

export type CreateUserInput = z.infer<typeof createUserInputSchema>;
export type UpdateUserAccessInput = z.infer<typeof updateUserAccessInputSchema>;
export type SetUserActiveInput = z.infer<typeof setUserActiveInputSchema>;
export type ResetUserPasswordInput = z.infer<typeof resetUserPasswordInputSchema>;
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInputSchema>;

/** Rows per page of the admin tables (users, units). */
export const ADMIN_PAGE_SIZE = 50;

/** The /admin/users URL: search, page, filters; malformed values fall back to "all". */
export const listUsersQuerySchema = z.object({
  q: lenient(z.string().trim().max(100), "").default(""),
  page: lenient(z.coerce.number().int().min(1).max(100_000), 1).default(1),
  perPage: lenient(z.coerce.number().int().min(10).max(200), ADMIN_PAGE_SIZE).default(ADMIN_PAGE_SIZE),
  role: lenient(z.enum(roles).optional(), undefined),
  active: lenient(z.enum(["true", "false"]).optional(), undefined),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;
