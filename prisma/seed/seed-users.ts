import type { Prisma, Role } from "@/generated/prisma/client";
import { hashNewPassword } from "@/lib/auth/new-password";
import { DEMO_PASSWORD } from "@/lib/demo/mode";

type Tx = Prisma.TransactionClient;

export { DEMO_PASSWORD };

/** The demo password of earlier versions, public too: a real database must not keep it (lib/users/bootstrap-admin.ts). */
export const PUBLISHED_PASSWORDS = [DEMO_PASSWORD, "Demo@2026"] as const;

export const demoAccounts: { loginName: string; displayName: string; role: Role; unit: string | null }[] = [
  { loginName: "admin", displayName: "系统管理员", role: "ADMIN", unit: "circle-office" },
  { loginName: "leader", displayName: "联席会议办公室负责同志", role: "LEADER", unit: "circle-office" },
  { loginName: "inspector", displayName: "督查专员", role: "INSPECTOR", unit: "circle-office" },
  { loginName: "jinan.official", displayName: "济南市发展改革委联络员", role: "OFFICIAL", unit: "jinan-drc" },
  { loginName: "zibo.official", displayName: "淄博市发展改革委联络员", role: "OFFICIAL", unit: "zibo-drc" },
  { loginName: "viewer", displayName: "只读用户", role: "VIEWER", unit: null },
];

/** A bcrypt hash never starts with "!", so no password matches this. */
export const UNUSABLE_PASSWORD_HASH = "!no-login";

/** Creates the demo accounts that are missing; existing ones (and their passwords) are kept. */
export async function seedDemoUsers(tx: Tx): Promise<void> {
  const passwordHash = await hashNewPassword(DEMO_PASSWORD);
  const existing = new Set((await tx.user.findMany({ select: { loginName: true } })).map((user) => user.loginName));
  for (const account of demoAccounts) {
    if (existing.has(account.loginName)) continue;
    const unit = account.unit ? await tx.unit.findUniqueOrThrow({ where: { code: account.unit } }) : null;
    await tx.user.create({
      data: {
        loginName: account.loginName,
        displayName: account.displayName,
        role: account.role,
        unitId: unit?.id ?? null,
        passwordHash,
      },
    });
  }
}

/**
 * The author of a unit's sample reports: its demo official if it has one,
 * otherwise an inactive placeholder account that cannot log in.
 */
export async function sampleReporterFor(tx: Tx, unit: { id: string; code: string; nameZh: string }): Promise<string> {
  const official = await tx.user.findFirst({ where: { unitId: unit.id, role: "OFFICIAL", active: true } });
  if (official) return official.id;
  const placeholder = await tx.user.upsert({
    where: { loginName: `sample.${unit.code}` },
    update: {},
    create: {
      loginName: `sample.${unit.code}`,
      displayName: `示例填报人（${unit.nameZh}）`,
      role: "OFFICIAL",
      unitId: unit.id,
      active: false,
      passwordHash: UNUSABLE_PASSWORD_HASH,
    },
  });
  return placeholder.id;
}

/**
 * The reviewer of the sample reports: the demo inspector in demo mode,
 * otherwise an inactive placeholder account that cannot log in.
 */
export async function sampleReviewer(tx: Tx): Promise<{ id: string }> {
  const inspector = await tx.user.findUnique({ where: { loginName: "inspector" }, select: { id: true } });
  if (inspector) return inspector;
  return tx.user.upsert({
    where: { loginName: "sample.inspector" },
    update: {},
    create: {
      loginName: "sample.inspector",
      displayName: "示例审核人",
      role: "INSPECTOR",
      active: false,
      passwordHash: UNUSABLE_PASSWORD_HASH,
    },
    select: { id: true },
  });
}
