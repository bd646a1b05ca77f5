/**
 * Every failure a user can be told about, by code, with its HTTP status: the one
 * list from which the type, the error map and the API's error schema are built.
 * Messages live in messages/ under "errors".
 */
export const appErrorStatus = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  MUST_CHANGE_PASSWORD: 403,
  BAD_ORIGIN: 403,
  /** An API token whose scope does not allow this request (a read-only token writing). */
  INSUFFICIENT_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  /** A reviewer tried to approve or return a report they wrote. */
  OWN_REPORT: 403,
  /** Approving a later month of the lead unit's report while the measure is closed out (reopen it first, or return the report). */
  MEASURE_CLOSED_OUT: 409,
  PLAN_CHANGED: 409,
  /** Undoing a milestone's completion after the undo window (lib/milestones/undo-window.ts). */
  UNDO_WINDOW_PASSED: 409,
  /** Editing a comment after its edit window (lib/comments/edit-window.ts). */
  EDIT_WINDOW_PASSED: 409,
  VALIDATION: 422,
  /** A malformed query string of a GET route (e.g. a bad month). */
  BAD_REQUEST: 400,
  /** A request body that arrived too slowly (the request gate in scripts/serve.mjs). */
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  /** Another import is running on this instance (one at a time); try again when it is done. */
  IMPORT_BUSY: 429,
  SERVER_BUSY: 503,
  /** The database cannot be reached just now (restarting, connection dropped): nothing was changed; retry shortly. */
  DB_UNAVAILABLE: 503,
  INTERNAL: 500,
  /** An attachment whose bytes are not an allowed type (lib/attachments/detect-type.ts), whatever its name. */
  UNSUPPORTED_FILE_TYPE: 415,
  /** The object store (disk or S3) failed: nothing was saved or nothing can be read now. */
  STORAGE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof appErrorStatus;

/**
 * The failures worth retrying shortly, with the seconds a client should wait
 * (the Retry-After header of their 503): nothing was changed, and trying again
 * later can succeed.
 */
export const appErrorRetryAfter: Partial<Record<AppErrorCode, number>> = {
  SERVER_BUSY: 5,
  STORAGE_UNAVAILABLE: 30,
  DB_UNAVAILABLE: 5,
};
export const appErrorCodes = Object.keys(appErrorStatus) as [AppErrorCode, ...AppErrorCode[]];

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
