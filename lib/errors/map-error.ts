import { z } from "zod";
import { AppError, type AppErrorCode, type FieldErrors } from "./app-error";

/**
 * The one place that turns failures into what users and API clients see:
 * an HTTP status, a message key under "errors", and per-field message keys.
 */
const httpStatus: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  MUST_CHANGE_PASSWORD: 403,
  BAD_ORIGIN: 403,
  /** A read-only API token on a state-changing request. */
  INSUFFICIENT_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  VALIDATION: 422,
  /** A malformed query string of a GET route (e.g. a bad month). */
  BAD_REQUEST: 400,
  PLAN_CHANGED: 409,
  PAYLOAD_TOO_LARGE: 413,
  SERVER_BUSY: 503,
  INTERNAL: 500,
};

export interface MappedError {
  code: AppErrorCode;
  status: number;
  values: Record<string, string>;
  fieldErrors: FieldErrors;
}

export function mapError(error: unknown): MappedError {
  if (error instanceof AppError) {
    return { code: error.code, status: httpStatus[error.code], values: error.values, fieldErrors: error.fieldErrors };
  }
  // A unique constraint hit by a concurrent writer (Prisma P2002): someone else got there first.
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
    return { code: "CONFLICT", status: 409, values: { by: "?", at: "" }, fieldErrors: {} };
  }
  if (isOverloaded(error)) {
    return { code: "SERVER_BUSY", status: 503, values: {}, fieldErrors: {} };
  }
  if (error instanceof z.ZodError) {
    return { code: "VALIDATION", status: 422, values: {}, fieldErrors: zodFieldErrors(error) };
  }
  // Unknown failures are logged for operators; users get a generic message only.
  console.error(error);
  return { code: "INTERNAL", status: 500, values: {}, fieldErrors: {} };
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

/** The first problem of each field, as a message key with its values. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (result[field]) continue;
    if (/^[a-zA-Z][a-zA-Z0-9]*$/.test(issue.message)) {
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
