import type { z } from "zod";
import type { AppErrorCode, FieldErrors } from "./app-error";
import { mapError } from "./map-error";

/**
 * What a form's Server Action answers. Errors carry message keys (translated by
 * the form) and echo the submitted values, so a rejected form keeps what was typed.
 */
export type ActionState =
  | { status: "idle" }
  | { status: "success"; messageKey: string; values?: Record<string, string>; data?: Record<string, string> }
  | {
      status: "error";
      code: AppErrorCode;
      messageValues: Record<string, string>;
      fieldErrors: FieldErrors;
      values: Record<string, string>;
    };

export const idleState: ActionState = { status: "idle" };

/** The text fields of a submitted form; passwords are never echoed back. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/** `schema`: the action's input schema, so range messages can name the bounds. */
export function errorState(error: unknown, formData: FormData, schema?: z.ZodType): ActionState {
  const mapped = mapError(error, schema);
  return {
    status: "error",
    code: mapped.code,
    messageValues: mapped.values,
    fieldErrors: mapped.fieldErrors,
    values: submittedValues(formData),
  };
}
