import { z } from "zod";

/**
 * Control characters (NUL cannot even be stored by PostgreSQL) and the Unicode
 * bidirectional overrides that can make a name in a list read as another.
 */
const FORBIDDEN_IN_LINE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A one-line free-text field (a name, a title): trimmed, required, at most `max` characters. */
export function singleLineText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !FORBIDDEN_IN_LINE.test(value), "forbiddenCharacters");
}
