import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashNewPassword, passwordFollowsRule } from "@/lib/auth/new-password";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { DEMO_PASSWORD } from "@/lib/demo/mode";
import { AppError } from "@/lib/errors/app-error";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { createUser } from "@/lib/users/create-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { seedAll } from "@/prisma/seed/seed-all";
import { demoAccounts } from "@/prisma/seed/seed-users";
import { bootstrapAccounts, migrateDeploy } from "@/scripts/lib/prisma-cli.mjs";
import { createScratchDatabase, type ScratchDatabase } from "../setup/scratch-database";
import { FIXTURE_PASSWORD, seedUser } from "./fixtures";
import { SEED_NOW, testDb } from "./helpers";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");

/** `npm run admin:create -- LOGIN` against a database. */
async function adminCreate(url: string, ...args: string[]) {
  return run(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/admin-create.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
}

function oneTimePassword(lines: string[], loginName: string): string {
  const line = lines.find((entry) => entry.includes(`login "${loginName}"`));
  const password = line?.match(/one-time password: (\S+)/)?.[1];
  if (!password) throw new Error(`No one-time password for ${loginName} in:\n${lines.join("\n")}`);
  return password;
}

describe("[ACCOUNTS] a real database (not demo mode)", () => {
  let scratch: ScratchDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    scratch = await createScratchDatabase(inject("databaseKind"), process.env.TEST_DATABASE_URL);
    await migrateDeploy(scratch.url);
    db = createPrismaClient(scratch.url, { max: 2 });
    await seedAll(db, { now: SEED_NOW, demo: false });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  it("has the catalogue but no demo account after the seed", async () => {
    expect(await db.measure.count()).toBeGreaterThanOrEqual(35);
    expect(await db.user.count({ where: { loginName: { in: demoAccounts.map((account) => account.loginName) } } })).toBe(0);
    expect(await db.user.count({ where: { active: true } })).toBe(0);
  });

  it("gets ONE admin at the first start, with a one-time password printed once that must be changed", async () => {
    const lines = await bootstrapAccounts(scratch.url);
    const password = oneTimePassword(lines, "admin");
    expect(passwordFollowsRule(password)).toBe(true);
    const admins = await db.user.findMany({ where: { role: "ADMIN" }, select: { loginName: true, mustChangePassword: true, active: true, passwordHash: true } });
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ loginName: "admin", mustChangePassword: true, active: true });
    expect(await verifyPassword(password, admins[0]!.passwordHash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, admins[0]!.passwordHash)).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "user.bootstrapAdmin" } })).toBe(1);

    // The next start prints nothing and creates nothing.
    expect((await bootstrapAccounts(scratch.url)).join("\n")).not.toContain("one-time password");
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("admin:create resets the admin: a new one-time password, the old one dead, sessions ended", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { loginName: "admin" }, select: { passwordHash: true, version: true } });
    const { stdout } = (await adminCreate(scratch.url)) as { stdout: string };
    const password = oneTimePassword(stdout.split("\n"), "admin");
    const after = await db.user.findUniqueOrThrow({
      where: { loginName: "admin" },
      select: { passwordHash: true, version: true, mustChangePassword: true, sessionsValidFrom: true },
    });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await verifyPassword(password, after.passwordHash)).toBe(true);
    expect(after).toMatchObject({ mustChangePassword: true, version: before.version + 1 });
    expect(after.sessionsValidFrom).not.toBeNull();
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("admin:create makes a second admin by name, and refuses to turn a non-admin account into one", async () => {
    const created = (await adminCreate(scratch.url, "ops.admin")) as { stdout: string };
    oneTimePassword(created.stdout.split("\n"), "ops.admin");
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(2);
    await db.user.create({ data: { loginName: "some.viewer", displayName: "Viewer", role: "VIEWER", passwordHash: await hashPassword(FIXTURE_PASSWORD) } });
    const refused = (await adminCreate(scratch.url, "some.viewer")) as { code: number; stderr: string };
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not an administrator");
    expect((await db.user.findUniqueOrThrow({ where: { loginName: "some.viewer" } })).role).toBe("VIEWER");
  });

  it("replaces a published demo password left by an earlier version, at the next start", async () => {
    // A database seeded by an older release: the demo viewer with the old public password.
    const old = await db.user.create({
      data: { loginName: "viewer", displayName: "只读用户", role: "VIEWER", passwordHash: await hashPassword("Demo@2026") },
    });
    const lines = await bootstrapAccounts(scratch.url);
    const password = oneTimePassword(lines, "viewer");
    const after = await db.user.findUniqueOrThrow({ where: { id: old.id }, select: { passwordHash: true, mustChangePassword: true } });
    expect(await verifyPassword("Demo@2026", after.passwordHash)).toBe(false);
    expect(await verifyPassword(password, after.passwordHash)).toBe(true);
    expect(after.mustChangePassword).toBe(true);
  });
});

describe("[ACCOUNTS] the password rule on every path that sets a password", () => {
  const db = testDb();
  afterAll(() => db.$disconnect());

  it("the demo password and every generated one-time password pass the rule", () => {
    expect(passwordFollowsRule(DEMO_PASSWORD)).toBe(true);
    expect(passwordFollowsRule("Demo@2026")).toBe(false);
    for (let i = 0; i < 500; i++) expect(passwordFollowsRule(generateTemporaryPassword())).toBe(true);
  });

  it.each(["short1A", "onlyletterslong", "1234567890123", "x".repeat(80) + "1"])("refuses %s before hashing", async (weak) => {
    await expect(hashNewPassword(weak)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { newPassword: { key: "passwordRule" } } });
  });

  it("changeOwnPassword refuses a weak password even when called past the form's schema", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const sessionUser = { ...user, mustChangePassword: false };
    const attempt = changeOwnPassword(db, sessionUser, { currentPassword: FIXTURE_PASSWORD, newPassword: "weak", confirmPassword: "weak" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(FIXTURE_PASSWORD, stored.passwordHash)).toBe(true);
  });

  it("new accounts and admin resets get one-time passwords that pass the rule", async () => {
    const admin = await seedUser(db, "ADMIN", null);
    const actor = { ...admin, mustChangePassword: false };
    const { user, temporaryPassword } = await createUser(db, actor, { loginName: `t.rule.${Date.now()}`, displayName: "Rule", role: "VIEWER", unitId: null });
    expect(passwordFollowsRule(temporaryPassword)).toBe(true);
    const reset = await resetUserPassword(db, actor, { userId: user.id, version: user.version });
    expect(passwordFollowsRule(reset.temporaryPassword)).toBe(true);
  });
});

describe("[ACCOUNTS] a password that fails the rule at sign-in", () => {
  const db = testDb();
  afterAll(() => db.$disconnect());

  it("still signs in, but the account must choose a new password first", async () => {
    const { authenticate } = await import("@/lib/auth/authenticate");
    const weak = await db.user.create({
      data: { loginName: `t.weak.${Date.now()}`, displayName: "Weak", role: "VIEWER", passwordHash: await hashPassword("Demo@2026") },
    });
    const strong = await seedUser(db, "VIEWER", null);
    expect(await authenticate(db, { loginName: weak.loginName, password: "Demo@2026", ip: "10.9.0.1" })).toMatchObject({ ok: true });
    expect(await authenticate(db, { loginName: strong.loginName, password: FIXTURE_PASSWORD, ip: "10.9.0.1" })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: weak.id } })).mustChangePassword).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: strong.id } })).mustChangePassword).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "user.weakPasswordFlagged", entityId: weak.id } })).toBe(1);
  });
});
