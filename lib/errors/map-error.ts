import { z } from "zod";
import { reportError } from "@/lib/observability/report-error";
import { AppError, type AppErrorCode, appErrorRetryAfter, appErrorStatus, type FieldError, type FieldErrors } from "./app-error";
import { isDatabaseUnavailable, markDatabaseUnavailable } from "./database-unavailable";

/**
 * The one place that turns failures into what users and API clients see:
 * an HTTP status, a message key under "errors", and per-field message keys.
 */

export interface MappedError {
  code: AppErrorCode;
  status: number;
  values: Record<string, string>;
  fieldErrors: FieldErrors;
}

/** Seconds to wait before trying again (the Retry-After header), for the failures where that can help. */
export function retryAfterOf(code: AppErrorCode): number | undefined {
  return appErrorRetryAfter[code];
}

/** `schema`: what was parsed, so a number out of range can name both of its bounds. */
export function mapError(error: unknown, schema?: z.ZodType): MappedError {
  if (error instanceof AppError) {
    return { code: error.code, status: appErrorStatus[error.code], values: error.values, fieldErrors: error.fieldErrors };
  }
  // A unique constraint hit by a concurrent writer (Prisma P2002): someone else got there first.
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
    return { code: "CONFLICT", status: appErrorStatus.CONFLICT, values: { by: "?", at: "" }, fieldErrors: {} };
  }
  // The database is restarting or the connection dropped: nothing was written, retrying later can succeed.
  if (isDatabaseUnavailable(error)) {
    markDatabaseUnavailable();
    return { code: "DB_UNAVAILABLE", status: appErrorStatus.DB_UNAVAILABLE, values: {}, fieldErrors: {} };
  }
  if (isOverloaded(error)) {
    return { code: "SERVER_BUSY", status: appErrorStatus.SERVER_BUSY, values: {}, fieldErrors: {} };
  }
  // Text PostgreSQL cannot store (a NUL in a form field or file name): the caller's bad request, not ours.
  if (isUnstorableText(error)) {
    return { code: "BAD_REQUEST", status: appErrorStatus.BAD_REQUEST, values: {}, fieldErrors: { form: { key: "forbiddenCharacters" } } };
  }
  if (error instanceof z.ZodError) {
    return { code: "VALIDATION", status: appErrorStatus.VALIDATION, values: {}, fieldErrors: zodFieldErrors(error, schema) };
  }
  // Unknown failures are logged for operators (with the request's id); users get a generic message only.
  reportError(error, "unexpected error");
  return { code: "INTERNAL", status: appErrorStatus.INTERNAL, values: {}, fieldErrors: {} };
}

/** PostgreSQL's "invalid byte sequence" (22021) or "untranslatable character" (22P05), through Prisma or its driver adapter. */
function isUnstorableText(error: unknown): boolean {
  const codes = new Set(["22021", "22P05"]);
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    const { code, originalCode, cause, meta } = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (codes.has(String(code)) || codes.has(String(originalCode))) return true;
    current = meta?.driverAdapterError ?? cause;
  }
  return false;
}

/**
 * No database connection came free in time (the pool's wait, or Prisma's wait to
 * start a transaction, P2028): the server is overloaded, nothing was written, and
 * trying again later can succeed, so it is a 503 rather than an internal error.
 */
function isOverloaded(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "P2028" || (typeof message === "string" && message.includes("timeout exceeded when trying to connect"));
}

/**
 * The first problem of each field, as a message key with its values. With the
 * schema, a number out of range (or not whole) names both bounds: "须在 0–100 之间".
 */
export function zodFieldErrors(error: z.ZodError, schema?: z.ZodType): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (result[field]) continue;
    const range = numberRangeError(issue, schema);
    if (range) {
      result[field] = range;
    } else if (/^[a-zA-Z][a-zA-Z0-9]*$/.test(issue.message)) {
      // Schemas name their own message key, e.g. .regex(pattern, "loginNameFormat").
      result[field] = { key: issue.message };
    } else if (issue.code === "too_big" && issue.origin === "string") {
      result[field] = { key: "tooLong", values: { max: Number(issue.maximum) } };
    } else if (issue.code === "too_small" && issue.origin === "string") {
      result[field] = Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", values: { min: Number(issue.minimum) } };
    } else if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) {
      result[field] = { key: "required" };
    } else {
      result[field] = { key: "invalid" };
    }
  }
  return result;
}

/**
 * A number too big, too small or not whole: the range message with the field's
 * bounds from the schema (both when it has both), unless the schema named a
 * specific key of its own. Null for any other problem.
 */
function numberRangeError(issue: z.core.$ZodIssue, schema: z.ZodType | undefined): FieldError | null {
  const isRange = (issue.code === "too_big" || issue.code === "too_small") && issue.origin === "number";
  const notNumber = issue.code === "invalid_type" && (issue.expected === "int" || issue.expected === "number");
  if (!isRange && !notNumber) return null;
  if (/^[a-zA-Z][a-zA-Z0-9]*$/.test(issue.message) && issue.message !== "invalid") return null;
  const bounds = numberBounds(schema, issue.path);
  // Blank or not a number: the range says what to type, when the schema has one.
  if (!isRange && (!bounds || bounds.min === null || bounds.max === null)) return null;
  const min = bounds?.min ?? (issue.code === "too_small" ? Number(issue.minimum) : null);
  const max = bounds?.max ?? (issue.code === "too_big" ? Number(issue.maximum) : null);
  const whole = bounds?.int ?? false;
  if (min !== null && max !== null) return { key: whole ? "wholeNumberBetween" : "numberBetween", values: { min, max } };
  if (min !== null) return { key: "numberAtLeast", values: { min } };
  if (max !== null) return { key: "numberAtMost", values: { max } };
  return null;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType> };

/** The bounds of the number schema at `path` inside `schema` (through optional, default, pipes…). */
function numberBounds(schema: z.ZodType | undefined, path: readonly PropertyKey[]): { min: number | null; max: number | null; int: boolean } | null {
  let current = schema;
  let rest = [...path];
  for (let depth = 0; current && depth < 20; depth++) {
    if (current instanceof z.ZodNumber) {
      if (rest.length) return null;
      const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);
      return { min: finite(current.minValue), max: finite(current.maxValue), int: current.isInt };
    }
    const def = current._zod.def as Def;
    if (def.type === "object" && rest.length) {
      current = def.shape?.[String(rest[0])];
      rest = rest.slice(1);
    } else if (def.type === "pipe") {
      // z.preprocess is a pipe from a transform into the real schema.
      current = def.in?._zod.def.type === "transform" ? def.out : def.in;
    } else {
      current = def.innerType;
    }
  }
  return null;
}
