/** How database values appear in API JSON. */

/** Dates of `date` columns arrive at UTC midnight: their calendar day. */
export const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
export const monthOfDate = (date: Date | null) => (date ? date.toISOString().slice(0, 7) : null);
export const amount = (value: { toString(): string } | null) => (value === null ? null : Number(value.toString()));
