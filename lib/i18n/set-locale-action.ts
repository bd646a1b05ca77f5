"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { definePublicAction } from "@/lib/auth/guard";
import { localeCookieName, locales } from "./config";

/** Remembers the chosen language for a year. */
export const setLocaleAction = definePublicAction({
  name: "preferences.setLocale",
  input: z.object({ locale: z.enum(locales) }),
  handler: async ({ input }) => {
    (await cookies()).set(localeCookieName, input.locale, {
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: false,
    });
    return { messageKey: "saved" };
  },
});
