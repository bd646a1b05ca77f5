/** Every failure a user can be told about, by code; messages live in messages/ under "errors". */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "MUST_CHANGE_PASSWORD"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_STATE"
  | "VALIDATION"
  | "BAD_REQUEST"
  | "BAD_ORIGIN"
  | "INSUFFICIENT_SCOPE"
  | "PLAN_CHANGED"
  | "PAYLOAD_TOO_LARGE"
  | "SERVER_BUSY"
  | "INTERNAL";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Values for the translated message, e.g. who changed a record and when. */
    readonly values: Record<string, string> = {},
    /** Per-field problems, as message keys under "fieldErrors". */
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;

/** A rejected field: stops the action with a message next to that field. */
export function fieldError(field: string, key: string, values?: FieldError["values"]): AppError {
  return new AppError("VALIDATION", {}, { [field]: { key, values } });
}
