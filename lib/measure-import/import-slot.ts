import { AppError } from "@/lib/errors/app-error";

// On globalThis, so that every bundle of this module in one server process shares the one slot.
const SLOT = Symbol.for("luoshi.measureImport.busy");
type Holder = { [SLOT]?: boolean };

/**
 * Runs one import (preview or confirm) at a time per server process: reading a
 * workbook takes memory and CPU, and a second one at once is refused at
 * once (IMPORT_BUSY, 429) rather than queued.
 */
export async function withImportSlot<T>(work: () => Promise<T>): Promise<T> {
  const holder = globalThis as Holder;
  if (holder[SLOT]) throw new AppError("IMPORT_BUSY");
  holder[SLOT] = true;
  try {
    return await work();
  } finally {
    holder[SLOT] = false;
  }
}
