import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookieName, timeZone } from "./config";

// No locale in the URL: the language follows the cookie set by the switch.
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(localeCookieName)?.value;
  const locale = isLocale(stored) ? stored : defaultLocale;
  return {
    locale,
    timeZone,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
