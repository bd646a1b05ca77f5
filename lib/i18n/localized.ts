import type { Locale } from "./config";

/** Picks the zh or en column of a bilingual record, e.g. titleZh / titleEn. */
export function localized<K extends string>(
  record: Record<`${K}Zh` | `${K}En`, string>,
  field: K,
  locale: Locale | string,
): string {
  return locale === "en" ? record[`${field}En`] : record[`${field}Zh`];
}
