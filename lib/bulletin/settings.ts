import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-client";

/**
 * The office a 督查通报 is issued by, printed in its red header. Empty = not yet
 * set: the bulletin then prints a sample name, marked as a sample.
 */
export const bulletinSettingsSchema = z.object({
  bulletinIssuer: z.string().trim().max(40),
});
export type BulletinSettings = z.infer<typeof bulletinSettingsSchema>;

export async function getBulletinSettings(db: Pick<PrismaClient, "setting">): Promise<BulletinSettings> {
  const row = await db.setting.findUnique({ where: { key: "bulletinIssuer" } });
  const parsed = bulletinSettingsSchema.safeParse({ bulletinIssuer: row?.value ?? "" });
  return parsed.success ? parsed.data : { bulletinIssuer: "" };
}
