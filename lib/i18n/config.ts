/** Languages of the UI; simplified Chinese is the default. */
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

/** The cookie that remembers the user's language choice. */
export const localeCookieName = "NEXT_LOCALE";

/** Dates are reported in China Standard Time whatever the server's zone. */
export const timeZone = "Asia/Shanghai";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
