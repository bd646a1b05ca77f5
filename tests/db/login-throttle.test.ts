import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import {
  claimLoginAttempt,
  loginDelayMs,
  type LoginThrottleSettings,
  loginThrottleSettingsFromEnv,
  pruneLoginThrottle,
} from "@/lib/auth/login-throttle";
import { bcryptCostOf, verifyPassword } from "@/lib/auth/password";
import { FIXTURE_PASSWORD, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

// Each test its own addresses, so counts never mix across tests or runs.
let addressCounter = 0;
const freshAddress = () => `198.18.${Math.floor(Math.random() * 250)}.${(addressCounter++ % 250) + 1}-${uniqueSuffix()}`;

const settings = (overrides: Partial<LoginThrottleSettings> = {}): LoginThrottleSettings => ({
  freeFailuresPerName: 5,
  freeFailuresPerAddress: 20,
  firstDelayMs: 30_000,
  maxDelayMs: 900_000,
  windowMs: 3_600_000,
  ...overrides,
});
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
const row = (scope: "address" | "name", address: string, loginName = "") =>
  db.loginThrottle.findUnique({ where: { scope_address_loginName: { scope, address, loginName } } });
const throttledAudits = (entityId: string) => db.auditEvent.count({ where: { action: "auth.login.throttled", entityId } });

describe("[LOGIN] settings", () => {
  it("defaults, LUOSHI_LOGIN_* values, and invalid values refused", () => {
    expect(loginThrottleSettingsFromEnv({})).toEqual(settings());
    expect(
      loginThrottleSettingsFromEnv({
        LUOSHI_LOGIN_FREE_FAILURES_PER_NAME: "3",
        LUOSHI_LOGIN_FREE_FAILURES_PER_ADDRESS: "50",
        LUOSHI_LOGIN_DELAY_SECONDS: "10",
        LUOSHI_LOGIN_MAX_DELAY_SECONDS: "600",
        LUOSHI_LOGIN_WINDOW_MINUTES: "30",
      }),
    ).toEqual({ freeFailuresPerName: 3, freeFailuresPerAddress: 50, firstDelayMs: 10_000, maxDelayMs: 600_000, windowMs: 1_800_000 });
    expect(() => loginThrottleSettingsFromEnv({ LUOSHI_LOGIN_DELAY_SECONDS: "soon" })).toThrow(/LUOSHI_LOGIN_DELAY_SECONDS/);
    expect(() => loginThrottleSettingsFromEnv({ LUOSHI_LOGIN_FREE_FAILURES_PER_NAME: "0" })).toThrow(/LUOSHI_LOGIN_FREE_FAILURES_PER_NAME/);
  });

  it("the delay doubles with each failure past the free ones, up to the maximum", () => {
    const s = settings({ firstDelayMs: 10_000, maxDelayMs: 60_000 });
    expect([3, 4, 5, 6, 7, 8, 9, 50].map((failures) => loginDelayMs(failures, 5, s))).toEqual([0, 0, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
});

describe("[LOGIN] throttling per name and address", () => {
  it("wrong passwords for a name from one address do not lock that name from another address", async () => {
    const user = await seedUser(db, "ADMIN", null);
    const attacker = freshAddress();
    const office = freshAddress();
    const now = new Date();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await authenticate(db, { loginName: user.loginName, password: "wrong", ip: attacker }, { settings: settings(), now })).toEqual({
        ok: false,
        reason: "INVALID",
      });
    }
    // The attacker's address must now wait, even with the right password…
    expect(await authenticate(db, { loginName: user.loginName, password: FIXTURE_PASSWORD, ip: attacker }, { settings: settings(), now })).toEqual({
      ok: false,
      reason: "THROTTLED",
    });
    // …but the real admin, elsewhere, signs in.
    expect(await authenticate(db, { loginName: user.loginName, password: FIXTURE_PASSWORD, ip: office }, { settings: settings(), now })).toMatchObject({
      ok: true,
    });
    expect(await throttledAudits(user.loginName)).toBe(1);
  });

  it("the delay increases with every further failure, and the name can try again once it has passed", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const ip = freshAddress();
    const s = settings({ freeFailuresPerName: 2, firstDelayMs: 10_000, maxDelayMs: 80_000 });
    const start = new Date();
    const attempt = (password: string, seconds: number) => authenticate(db, { loginName: user.loginName, password, ip }, { settings: s, now: at(start, seconds) });

    expect(await attempt("wrong", 0)).toMatchObject({ reason: "INVALID" });
    expect(await attempt("wrong", 1)).toMatchObject({ reason: "INVALID" }); // 2nd failure: wait 10 s
    expect((await row("name", ip, user.loginName))?.blockedUntil).toEqual(at(start, 11));
    expect(await attempt(FIXTURE_PASSWORD, 5)).toMatchObject({ reason: "THROTTLED" });
    expect(await attempt("wrong", 12)).toMatchObject({ reason: "INVALID" }); // 3rd: wait 20 s
    expect((await row("name", ip, user.loginName))?.blockedUntil).toEqual(at(start, 32));
    expect(await attempt(FIXTURE_PASSWORD, 30)).toMatchObject({ reason: "THROTTLED" });
    expect(await attempt("wrong", 33)).toMatchObject({ reason: "INVALID" }); // 4th: wait 40 s
    expect((await row("name", ip, user.loginName))?.blockedUntil).toEqual(at(start, 73));
    // Refused attempts are not failures: the count stays at 4.
    expect((await row("name", ip, user.loginName))?.failures).toBe(4);
    expect(await attempt(FIXTURE_PASSWORD, 74)).toMatchObject({ ok: true });
    // A success forgets the name's failures from that address.
    expect(await row("name", ip, user.loginName)).toBeNull();
  });

  it("an address is slowed after its own limit across names; other addresses are not", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const ip = freshAddress();
    const s = settings({ freeFailuresPerAddress: 4 });
    const now = new Date();
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(await authenticate(db, { loginName: `spray.${uniqueSuffix()}`, password: "wrong", ip }, { settings: s, now })).toMatchObject({ reason: "INVALID" });
    }
    expect(await authenticate(db, { loginName: user.loginName, password: FIXTURE_PASSWORD, ip }, { settings: s, now })).toMatchObject({ reason: "THROTTLED" });
    expect(await authenticate(db, { loginName: user.loginName, password: FIXTURE_PASSWORD, ip: freshAddress() }, { settings: s, now })).toMatchObject({ ok: true });
    expect(await throttledAudits(ip)).toBe(1);
  });

  it("successful sign-ins from a shared office address do not use up its allowance", async () => {
    const user = await seedUser(db, "OFFICIAL", null);
    const ip = freshAddress();
    const s = settings({ freeFailuresPerAddress: 3 });
    const now = new Date();
    for (let attempt = 0; attempt < 6; attempt++) {
      expect(await authenticate(db, { loginName: user.loginName, password: FIXTURE_PASSWORD, ip }, { settings: s, now })).toMatchObject({ ok: true });
    }
    expect((await row("address", ip))?.failures).toBe(0);
    // Two typos, then the right password, then two more typos: still under the limit of 3.
    for (const password of ["typo", "typo", FIXTURE_PASSWORD, "typo"]) await authenticate(db, { loginName: user.loginName, password, ip }, { settings: s, now });
    expect((await row("address", ip))?.failures).toBe(3);
  });

  it("concurrent failures are counted exactly, and none slips past the limit", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const ip = freshAddress();
    const roomy = settings({ freeFailuresPerName: 1000, freeFailuresPerAddress: 1000 });
    const results = await Promise.all(
      Array.from({ length: 24 }, () => claimLoginAttempt(db, { loginName: user.loginName, address: ip }, roomy)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect((await row("address", ip))?.failures).toBe(24);
    expect((await row("name", ip, user.loginName))?.failures).toBe(24);

    // With a limit of 5, 12 simultaneous wrong passwords: exactly 5 are checked, 7 refused.
    const ip2 = freshAddress();
    const tight = settings({ freeFailuresPerName: 5 });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => authenticate(db, { loginName: user.loginName, password: "wrong", ip: ip2 }, { settings: tight })),
    );
    expect(answers.filter((answer) => !answer.ok && answer.reason === "INVALID")).toHaveLength(5);
    expect(answers.filter((answer) => !answer.ok && answer.reason === "THROTTLED")).toHaveLength(7);
    expect((await row("name", ip2, user.loginName))?.failures).toBe(5);
    expect((await row("name", ip2, user.loginName))?.throttledAttempts).toBe(7);
  });

  it("a flood of throttled attempts adds one audit row per window, not one per attempt", async () => {
    const loginName = `flood.${uniqueSuffix()}`;
    const ip = freshAddress();
    // Blocked for 10 minutes; audit window 1 minute.
    const s = settings({ freeFailuresPerName: 1, firstDelayMs: 600_000, maxDelayMs: 600_000, windowMs: 60_000 });
    const start = new Date();
    expect(await authenticate(db, { loginName, password: "wrong", ip }, { settings: s, now: start })).toMatchObject({ reason: "INVALID" });
    for (let attempt = 0; attempt < 40; attempt++) {
      expect(await authenticate(db, { loginName, password: "wrong", ip }, { settings: s, now: at(start, 1 + attempt) })).toMatchObject({ reason: "THROTTLED" });
    }
    expect(await throttledAudits(loginName)).toBe(1);
    // A later window gets its own row, with the running count.
    for (let attempt = 0; attempt < 10; attempt++) {
      await authenticate(db, { loginName, password: "wrong", ip }, { settings: s, now: at(start, 120 + attempt) });
    }
    const audits = await db.auditEvent.findMany({ where: { action: "auth.login.throttled", entityId: loginName }, orderBy: { createdAt: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits.map((audit) => (audit.after as { throttledAttempts: number }).throttledAttempts)).toEqual([1, 41]);
    expect((await row("name", ip, loginName))?.throttledAttempts).toBe(50);
    // Throttled attempts concurrently: still one row for the window.
    await Promise.all(
      Array.from({ length: 10 }, () => authenticate(db, { loginName, password: "wrong", ip }, { settings: s, now: at(start, 300) })),
    );
    expect(await throttledAudits(loginName)).toBe(3);
  });

  it("old counters are pruned; recent and still-blocked ones are kept", async () => {
    const s = settings({ windowMs: 60_000, firstDelayMs: 600_000, maxDelayMs: 600_000, freeFailuresPerName: 1 });
    const start = new Date();
    const old = freshAddress();
    const blocked = freshAddress();
    const recent = freshAddress();
    await claimLoginAttempt(db, { loginName: "a", address: old }, settings(), start);
    await claimLoginAttempt(db, { loginName: "b", address: blocked }, s, start); // blocked for 10 minutes
    await claimLoginAttempt(db, { loginName: "c", address: recent }, settings(), at(start, 150));
    const pruned = await pruneLoginThrottle(db, s, at(start, 180));
    expect(pruned).toBeGreaterThanOrEqual(2);
    expect(await row("address", old)).toBeNull();
    expect(await row("name", old, "a")).toBeNull();
    expect(await row("name", blocked, "b")).not.toBeNull();
    expect(await row("address", recent)).not.toBeNull();
    expect(await row("name", recent, "c")).not.toBeNull();
    // Once the block has passed too, it goes.
    await pruneLoginThrottle(db, s, at(start, 700));
    expect(await row("name", blocked, "b")).toBeNull();
  });

  it("failures older than the window are forgotten", async () => {
    const user = await seedUser(db, "VIEWER", null);
    const ip = freshAddress();
    const s = settings({ freeFailuresPerName: 3, windowMs: 60_000, firstDelayMs: 10_000 });
    const start = new Date();
    for (let attempt = 0; attempt < 2; attempt++) await authenticate(db, { loginName: user.loginName, password: "wrong", ip }, { settings: s, now: start });
    await authenticate(db, { loginName: user.loginName, password: "wrong", ip }, { settings: s, now: at(start, 120) });
    expect((await row("name", ip, user.loginName))?.failures).toBe(1);
  });
});

describe("[LOGIN] password hashes", () => {
  // Written by bcryptjs (the library used before), cost 10, for "pässword1".
  const BCRYPTJS_HASH = "$2b$10$Am9fooGkFTikitDmltx0bOoegEkqB3y.h1e0YrQ4eByyWjIm9A7gS";

  it("hashes made by bcryptjs still verify ($2a$ and $2b$)", async () => {
    expect(await verifyPassword("pässword1", BCRYPTJS_HASH)).toBe(true);
    expect(await verifyPassword("pässword1", `$2a$${BCRYPTJS_HASH.slice(4)}`)).toBe(true);
    expect(await verifyPassword("password1", BCRYPTJS_HASH)).toBe(false);
    expect(await verifyPassword("pässword1", "!no-login")).toBe(false);
  });

  it("a sign-in replaces a hash with an outdated cost, and the new one works", async () => {
    const user = await seedUser(db, "VIEWER", null);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: BCRYPTJS_HASH } });
    const ip = freshAddress();
    expect(await authenticate(db, { loginName: user.loginName, password: "pässword1", ip })).toMatchObject({ ok: true });
    const storedHash = async () => (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash;
    const passwordHash = await storedHash();
    expect(passwordHash).not.toBe(BCRYPTJS_HASH);
    expect(passwordHash).toMatch(/^\$2b\$12\$/);
    expect(bcryptCostOf(passwordHash)).toBe(12);
    expect(await verifyPassword("pässword1", passwordHash)).toBe(true);
    expect(await authenticate(db, { loginName: user.loginName, password: "pässword1", ip })).toMatchObject({ ok: true });
    // Current hashes are left alone.
    expect(await storedHash()).toBe(passwordHash);
  });
});
