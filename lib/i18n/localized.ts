import type { Locale } from "./config";

/**
 * Picks the zh or en column of a bilingual record, e.g. titleZh / titleEn. English
 * is optional for what users type (a milestone's name): an empty one reads as the Chinese.
 */
export function localized<K extends string>(
  record: Record<`${K}Zh` | `${K}En`, string>,
  field: K,
  locale: Locale | string,
): string {
  return locale === "en" ? record[`${field}En`] || record[`${field}Zh`] : record[`${field}Zh`];
}
