const LOG_ERROR = Symbol.for("luoshi.logError");

/**
 * Logs an unexpected failure through the server's logger (lib/observability/logger.mjs,
 * which registers itself on globalThis when loaded), with the current request's id.
 * Importing nothing from Node, it is safe in modules that client components also
 * import (the error mapper, through action-state).
 */
export function reportError(error: unknown, message: string): void {
  const logError = (globalThis as unknown as Record<symbol, ((error: unknown, message: string) => void) | undefined>)[LOG_ERROR];
  if (logError) logError(error, message);
  else console.error(error);
}
