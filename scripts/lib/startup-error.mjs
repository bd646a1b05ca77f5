/**
 * An error the start script reports as one plain line (no stack trace) before
 * exiting non-zero: the user needs to know what to do, not where it broke.
 */
export class StartupError extends Error {
  constructor(message, { cause } = {}) {
    super(message, { cause });
    this.name = "StartupError";
  }
}
