"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { localeCookieName, locales } from "./config";

const setLocaleInputSchema = z.object({ locale: z.enum(locales) });

/** Remembers the chosen language for a year. Unknown values are ignored. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = setLocaleInputSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(localeCookieName, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  });
}
