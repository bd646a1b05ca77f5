import type { Prisma } from "@/generated/prisma/client";
import { fieldError } from "@/lib/errors/app-error";

export async function assertCityExists(tx: Prisma.TransactionClient, cityId: string | null) {
  if (cityId && !(await tx.city.count({ where: { id: cityId } }))) throw fieldError("cityId", "unknownCity");
}

export function unitSnapshot(unit: { code: string; nameZh: string; nameEn: string; kind: string; cityId: string | null; active: boolean; version: number; webhookUrl?: string | null }) {
  const { code, nameZh, nameEn, kind, cityId, active, version } = unit;
  // A robot's URL holds its secret token: the history says only whether one is set.
  return { code, nameZh, nameEn, kind, cityId, active, version, webhook: Boolean(unit.webhookUrl) };
}
