import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { type ActionState, errorState } from "@/lib/errors/action-state";
import { noteRequestUser } from "@/lib/observability/logger.mjs";
import { can, type Permission, type PublicActionName } from "./permissions";
import { getApiTokenCredential } from "./api-token-user";
import { getSessionUser, type SessionUser } from "./session-user";

/**
 * The one authorization guard. Server Actions are made with `defineAction`,
 * route handlers with `withApiRoute` (./api-route), pages with `requirePageUser`
 * (./page-guard); all resolve the session and check the permission table here.
 */
export async function authorize(
  permission: Permission,
  { allowWhileMustChangePassword = false, bearerToken, changesState = false }: AuthorizeOptions = {},
): Promise<SessionUser> {
  const user = bearerToken === undefined ? await getSessionUser() : await tokenUser(bearerToken, changesState);
  if (!user) throw new AppError("UNAUTHENTICATED");
  // The request's log line names who made it (an API token's owner too).
  noteRequestUser(user.id);
  if (user.mustChangePassword && !allowWhileMustChangePassword) throw new AppError("MUST_CHANGE_PASSWORD");
  if (!can(user, permission)) throw new AppError("FORBIDDEN");
  return user;
}

/** The user of an API token; a state-changing request needs a token with the WRITE scope. */
async function tokenUser(bearerToken: string, changesState: boolean): Promise<SessionUser | null> {
  const credential = await getApiTokenCredential(bearerToken);
  if (!credential) return null;
  if (changesState && credential.scope !== "WRITE") throw new AppError("INSUFFICIENT_SCOPE");
  return credential.user;
}

export interface AuthorizeOptions {
  allowWhileMustChangePassword?: boolean;
  /** A personal API token from `Authorization: Bearer`; only route handlers pass one. */
  bearerToken?: string;
  /** The request changes state (not GET/HEAD/OPTIONS): an API token then needs the WRITE scope. */
  changesState?: boolean;
}

export interface ActionDefinition<Schema extends z.ZodType> {
  /** Stable name, used by the permission matrix test and the audit log. */
  name: string;
  permission: Permission;
  input: Schema;
  allowWhileMustChangePassword?: boolean;
  /** Runs after the session and the permission were checked and the input parsed. */
  handler: (context: { user: SessionUser; input: z.infer<Schema> }) => Promise<SuccessResult>;
}

export type SuccessResult = { messageKey: string; data?: Record<string, string> };
export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Every action made here, so tests can prove each one is in the table (null = public). */
export const actionRegistry = new Map<FormAction, { name: string; permission: Permission | null }>();

export function defineAction<Schema extends z.ZodType>(definition: ActionDefinition<Schema>): FormAction {
  const action: FormAction = async (_previous, formData) => {
    try {
      const user = await authorize(definition.permission, definition);
      const input = definition.input.parse(Object.fromEntries(formData.entries()));
      const result = await definition.handler({ user, input });
      return { status: "success", ...result };
    } catch (error) {
      return errorState(error, formData, definition.input);
    }
  };
  actionRegistry.set(action, { name: definition.name, permission: definition.permission });
  return action;
}

/** An action that needs no session, e.g. choosing the language on the login page. */
export function definePublicAction<Schema extends z.ZodType>(definition: {
  name: PublicActionName;
  input: Schema;
  handler: (context: { input: z.infer<Schema> }) => Promise<SuccessResult>;
}): FormAction {
  const action: FormAction = async (_previous, formData) => {
    try {
      const input = definition.input.parse(Object.fromEntries(formData.entries()));
      return { status: "success", ...(await definition.handler({ input })) };
    } catch (error) {
      return errorState(error, formData, definition.input);
    }
  };
  actionRegistry.set(action, { name: definition.name, permission: null });
  return action;
}
