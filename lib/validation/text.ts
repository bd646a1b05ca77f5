import { z } from "zod";

/*
 * What no text field may hold, so that what is stored reads as what is shown:
 * - control characters, C0 and C1 (NUL cannot even be stored by PostgreSQL);
 *   a multi-line field keeps its line breaks and tabs;
 * - lone surrogates (half an emoji: not Unicode text, refused by the database);
 * - bidirectional controls, which can make a name in a list read as another
 *   ("abc\u202Egpj.exe" shows as "abcexe.jpg");
 * - invisible characters: zero-width space, word joiner, byte order mark,
 *   soft hyphen, Hangul fillers, line/paragraph separators, tag characters …
 * The zero-width joiner and non-joiner are part of emoji and of some scripts:
 * they are allowed between two visible characters, not on their own.
 */
const BIDI = "\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";
const INVISIBLE =
  "\\u00AD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B\\u2028\\u2029\\u2060-\\u2064\\u206A-\\u206F\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}";
const FORBIDDEN_IN_LINE = new RegExp(`[\\p{Cc}\\p{Cs}${BIDI}${INVISIBLE}]`, "u");
// Tab, line feed and carriage return stay allowed in multi-line text.
const FORBIDDEN_IN_TEXT = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\p{Cs}${BIDI}${INVISIBLE}]`, "u");
const STRAY_JOINER = /(?:^|[\s\u200C\u200D])[\u200C\u200D]|[\u200C\u200D](?:$|\s)/u;

/** True when `value` holds a character no text field may hold (see above). */
export function hasForbiddenCharacters(value: string, options: { multiLine?: boolean } = {}): boolean {
  return (options.multiLine ? FORBIDDEN_IN_TEXT : FORBIDDEN_IN_LINE).test(value) || STRAY_JOINER.test(value);
}

/** A one-line free-text field (a name, a title): trimmed, required, at most `max` characters. */
export function singleLineText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !hasForbiddenCharacters(value), "forbiddenCharacters");
}

/** A multi-line free-text field (a report, a comment): trimmed, may be empty, at most `max` characters. */
export function multiLineText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasForbiddenCharacters(value, { multiLine: true }), "forbiddenCharacters");
}
