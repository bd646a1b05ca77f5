import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { officeChoiceSchema, type OfficeChoice } from "./schemas";

/*
 * The admin's choices for an office's table are remembered per header: the next
 * file with the same header texts starts from them. Kept in Setting under
 * "importMapping:<hash of the headers>", so no table of its own is needed.
 */

/** The key of a header: its texts in column order, hashed. */
export function headerSignature(headers: { column: number; header: string }[]): string {
  const text = headers.map((entry) => `${entry.column}:${entry.header}`).join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

const settingKey = (signature: string) => `importMapping:${signature}`;

export async function loadRememberedChoice(tx: Prisma.TransactionClient, signature: string): Promise<OfficeChoice | null> {
  const row = await tx.setting.findUnique({ where: { key: settingKey(signature) } });
  const parsed = row ? officeChoiceSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : null;
}

export async function rememberChoice(tx: Prisma.TransactionClient, signature: string, choice: OfficeChoice): Promise<void> {
  const value = choice as Prisma.InputJsonValue;
  await tx.setting.upsert({ where: { key: settingKey(signature) }, update: { value }, create: { key: settingKey(signature), value } });
}
