import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FormAction } from "@/lib/auth/guard";
import { verifyPassword } from "@/lib/auth/password";
import { type ActionState, idleState } from "@/lib/errors/action-state";
import { setLocaleAction } from "@/lib/i18n/set-locale-action";
import { updateMeasureOwnerAction } from "@/lib/measures/actions";
import { createUnitAction, updateUnitAction } from "@/lib/units/actions";
import {
  changeOwnPasswordAction,
  createUserAction,
  resetUserPasswordAction,
  setUserActiveAction,
  updateUserAccessAction,
} from "@/lib/users/actions";
import { cookieValue, signInAs } from "../setup/request-context";
import { FIXTURE_PASSWORD, seedArea, seedMeasure, seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

/**
 * Bad input in every form: empty, overlong, unicode, SQL-looking and HTML-looking
 * values give clear field errors and change nothing, or (free text) are stored
 * verbatim. Every check of "nothing changed" reads the database.
 */
const db = testDb();
const messageFile = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "..", "..", "messages", name), "utf8")) as {
    fieldErrors: Record<string, string>;
  };
const messages = { "zh-CN": messageFile("zh-CN.json"), en: messageFile("en.json") };

type Form = Record<string, string>;
type Actor = { id: string; displayName: string };
/** A valid form for one record, who submits it, and how to read the record it targets. */
type Prepared = { actor: Actor; form: Form; row: () => Promise<Record<string, unknown> | null> };
type FormName = keyof typeof forms;

/** User rows are read with their password hash, so a stray password change shows too. */
const withHash = { passwordHash: false } as const;
const userRow = (id: string) => () => db.user.findUnique({ where: { id }, omit: withHash });
let admin: Actor;
let unitId: string;
let areaId: string;
const NEW_PASSWORD = "Changed-pass-2027";

const forms = {
  createUser: async (): Promise<Prepared> => {
    const loginName = `t.bad.${uniqueSuffix()}`;
    return {
      actor: admin,
      form: { loginName, displayName: "新用户", role: "VIEWER", unitId: "" },
      row: () => db.user.findUnique({ where: { loginName }, omit: withHash }),
    };
  },
  updateUserAccess: async (): Promise<Prepared> => {
    const target = await seedUser(db, "VIEWER", null);
    return {
      actor: admin,
      form: { userId: target.id, version: "1", displayName: "改名", role: "VIEWER", unitId: "" },
      row: userRow(target.id),
    };
  },
  setUserActive: async (): Promise<Prepared> => {
    const target = await seedUser(db, "VIEWER", null);
    return { actor: admin, form: { userId: target.id, version: "1", active: "false" }, row: userRow(target.id) };
  },
  resetUserPassword: async (): Promise<Prepared> => {
    const target = await seedUser(db, "VIEWER", null);
    return { actor: admin, form: { userId: target.id, version: "1" }, row: userRow(target.id) };
  },
  changeOwnPassword: async (): Promise<Prepared> => {
    const actor = await seedUser(db, "VIEWER", null);
    return {
      actor,
      form: { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      row: userRow(actor.id),
    };
  },
  createUnit: async (): Promise<Prepared> => {
    const code = `t-bad-${uniqueSuffix()}`;
    return {
      actor: admin,
      form: { code, nameZh: "新单位", nameEn: "New unit", kind: "OTHER", cityId: "" },
      row: () => db.unit.findUnique({ where: { code } }),
    };
  },
  updateUnit: async (): Promise<Prepared> => {
    const unit = await seedUnit(db);
    return {
      actor: admin,
      form: { unitId: unit.id, version: "1", nameZh: "改名单位", nameEn: "Renamed unit", kind: "OTHER", cityId: "", active: "on" },
      row: () => db.unit.findUnique({ where: { id: unit.id } }),
    };
  },
  updateMeasureOwner: async (): Promise<Prepared> => {
    const actor = await seedUser(db, "OFFICIAL", unitId);
    const measure = await seedMeasure(db, areaId, unitId);
    return {
      actor,
      form: { code: measure.code, version: "1", responsiblePerson: "新责任人" },
      row: () => db.measure.findUnique({ where: { id: measure.id } }),
    };
  },
};

const actions: Record<FormName, FormAction> = {
  createUser: createUserAction,
  updateUserAccess: updateUserAccessAction,
  setUserActive: setUserActiveAction,
  resetUserPassword: resetUserPasswordAction,
  changeOwnPassword: changeOwnPasswordAction,
  createUnit: createUnitAction,
  updateUnit: updateUnitAction,
  updateMeasureOwner: updateMeasureOwnerAction,
};

/** The target record and the row counts that any stray write would change. */
async function snapshot(prepared: Prepared) {
  const [row, users, units, measures, audits] = await Promise.all([
    prepared.row(),
    db.user.count(),
    db.unit.count(),
    db.measure.count(),
    db.auditEvent.count(),
  ]);
  return { row, users, units, measures, audits };
}

function toFormData(values: Form): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.set(key, value);
  return formData;
}

/** Submits a valid form of `name` with `patch` applied, as the form's actor. */
async function submit(name: FormName, patch: Form) {
  const prepared = await forms[name]();
  const form = { ...prepared.form, ...patch };
  const before = await snapshot(prepared);
  await signInAs(prepared.actor);
  const state = await actions[name](idleState, toFormData(form));
  return { state, form, before, after: await snapshot(prepared), prepared };
}

function expectRejected(state: ActionState, code = "VALIDATION"): asserts state is Extract<ActionState, { status: "error" }> {
  expect(state, JSON.stringify(state)).toMatchObject({ status: "error", code });
  if (state.status !== "error") return;
  for (const { key } of Object.values(state.fieldErrors)) {
    for (const [locale, file] of Object.entries(messages)) {
      expect(Object.keys(file.fieldErrors), `${locale}: fieldErrors.${key}`).toContain(key);
    }
  }
}

const withoutPasswords = (form: Form) => Object.fromEntries(Object.entries(form).filter(([key]) => !/password/i.test(key)));

const LONG = "长".repeat(5000);
const UNICODE = "张三👩‍💻 مرحبا e\u0301 ß";
/**
 * Characters no name may hold: NUL (PostgreSQL refuses it), other C0 and C1 controls,
 * bidi controls, invisible characters. (Half a surrogate pair cannot arrive in a form:
 * FormData turns it into U+FFFD. The JSON API refuses it: tests/db/input-hardening.test.ts.)
 */
const FORBIDDEN = ["a\u0000b", "a\u0007b", "abc\u202Egpj.exe", "a\u0085b", "a\u009Bb", "a\u200Fb", "a\u200Bb", "a\uFEFFb", "a\u2060b"];
const SQL = ["'; DROP TABLE \"User\"; --", "1 OR 1=1"];
const HTML = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"];
const HOSTILE = [UNICODE, ...SQL, ...HTML];
const show = (value: string) => (value.length > 40 ? `${value.slice(0, 3)}…×${value.length}` : JSON.stringify(value));

/** Free-text fields and their maximum length: anything but blank or overlong is stored as typed. */
const freeText: [FormName, string, number][] = [
  ["createUser", "displayName", 60],
  ["updateUserAccess", "displayName", 60],
  ["createUnit", "nameZh", 80],
  ["createUnit", "nameEn", 160],
  ["updateUnit", "nameZh", 80],
  ["updateUnit", "nameEn", 160],
  ["updateMeasureOwner", "responsiblePerson", 60],
];
/** Identifiers typed by an admin: only a restricted alphabet is allowed. */
const codes: [FormName, string, number, string][] = [
  ["createUser", "loginName", 40, "loginNameFormat"],
  ["createUnit", "code", 40, "unitCodeFormat"],
];

type Rejection = { form: FormName; field: string; value: string; key: string; max?: number; patch?: Form };
const rejections: Rejection[] = [
  ...[...freeText, ...codes].flatMap(([form, field, max]) => [
    { form, field, value: "", key: "required" },
    { form, field, value: "   ", key: "required" },
    { form, field, value: LONG, key: "tooLong", max },
  ]),
  ...codes.flatMap(([form, field, , key]) => HOSTILE.map((value) => ({ form, field, value, key }))),
  ...freeText.flatMap(([form, field]) => FORBIDDEN.map((value) => ({ form, field, value, key: "forbiddenCharacters" }))),
  // Passwords are never trimmed: blanks are a (wrong) password, not a missing one.
  { form: "changeOwnPassword", field: "currentPassword", value: "", key: "required" },
  { form: "changeOwnPassword", field: "currentPassword", value: "   ", key: "currentPasswordWrong" },
  { form: "changeOwnPassword", field: "currentPassword", value: LONG, key: "tooLong" },
  ...["", "   ", LONG, SQL[0]!, "1 OR 1=1"].map((value) => ({
    form: "changeOwnPassword" as const,
    field: "newPassword",
    value,
    key: "passwordRule",
    patch: { confirmPassword: value },
  })),
  { form: "changeOwnPassword", field: "confirmPassword", value: "", key: "passwordMismatch" },
  { form: "changeOwnPassword", field: "confirmPassword", value: "   ", key: "passwordMismatch" },
  { form: "changeOwnPassword", field: "confirmPassword", value: LONG, key: "tooLong" },
];

beforeAll(async () => {
  const [unit, area] = await Promise.all([seedUnit(db), seedArea(db)]);
  unitId = unit.id;
  areaId = area.id;
  admin = await seedUser(db, "ADMIN", unitId);
});
afterAll(() => db.$disconnect());

describe("[INPUT] bad text in every form: a clear field error, nothing changed", () => {
  it.each(rejections.map((row) => ({ ...row, label: `${row.form}.${row.field}`, shown: show(row.value) })))(
    "[INPUT] $label = $shown → $key",
    async ({ form: name, field, value, key, max, patch }) => {
      const { state, form, before, after } = await submit(name, { [field]: value, ...patch });
      expectRejected(state);
      expect(state.fieldErrors[field]?.key).toBe(key);
      if (max) expect(state.fieldErrors[field]?.values).toEqual({ max });
      // Only the bad field is flagged (a mirrored confirmation may be flagged too).
      expect(Object.keys(state.fieldErrors).filter((flagged) => !(patch && flagged in patch))).toEqual([field]);
      // The form keeps what was typed, except passwords, which are never echoed.
      expect(state.values).toEqual(withoutPasswords(form));
      expect(JSON.stringify(state.values)).not.toContain(FIXTURE_PASSWORD);
      expect(after).toEqual(before);
    },
  );
});

describe("[INPUT] unicode, SQL-looking and HTML-looking free text is stored verbatim", () => {
  const accepted = freeText.flatMap(([form, field]) => HOSTILE.map((value) => ({ form, field, value, label: `${form}.${field}` })));
  it.each(accepted)("[INPUT] $label = $value", async ({ form: name, field, value }) => {
    const { state, before, after } = await submit(name, { [field]: `  ${value}\t\n` });
    expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
    expect(after.row?.[field]).toBe(value);
    // The tables are all still there, with exactly one row created where the form creates one.
    expect(after).toMatchObject({
      users: before.users + (name === "createUser" ? 1 : 0),
      units: before.units + (name === "createUnit" ? 1 : 0),
      measures: before.measures,
      audits: before.audits + 1,
    });
  });

  it("[INPUT] a unicode new password is accepted and works", async () => {
    const password = "密码Пароль🔐 2026 <b>";
    const { state, after } = await submit("changeOwnPassword", { newPassword: password, confirmPassword: password });
    expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
    expect(await verifyPassword(password, String(after.row?.passwordHash))).toBe(true);
    expect(await verifyPassword(FIXTURE_PASSWORD, String(after.row?.passwordHash))).toBe(false);
  });
});

describe("[INPUT] tampered hidden fields and stale versions change nothing", () => {
  const tampered: { form: FormName; patch: Form; field?: string; code?: string }[] = [
    { form: "updateUserAccess", patch: { version: "abc" }, field: "version" },
    { form: "updateUserAccess", patch: { version: "0" }, field: "version" },
    { form: "updateUserAccess", patch: { version: "1.5" }, field: "version" },
    { form: "updateUserAccess", patch: { userId: "" }, field: "userId" },
    { form: "updateUserAccess", patch: { userId: "' OR 1=1 --" }, code: "NOT_FOUND" },
    { form: "updateUserAccess", patch: { role: "SUPERADMIN" }, field: "role" },
    { form: "updateUserAccess", patch: { unitId: "<script>" }, field: "unitId" },
    { form: "createUser", patch: { role: "<script>alert(1)</script>" }, field: "role" },
    { form: "setUserActive", patch: { version: "abc" }, field: "version" },
    { form: "setUserActive", patch: { userId: "" }, field: "userId" },
    { form: "setUserActive", patch: { active: "1 OR 1=1" }, field: "active" },
    { form: "resetUserPassword", patch: { version: "0" }, field: "version" },
    { form: "resetUserPassword", patch: { userId: "" }, field: "userId" },
    { form: "resetUserPassword", patch: { userId: "x".repeat(5000) }, field: "userId" },
    { form: "createUnit", patch: { kind: "'; DROP TABLE \"Unit\"; --" }, field: "kind" },
    { form: "createUnit", patch: { cityId: "no-such-city" }, field: "cityId" },
    { form: "updateUnit", patch: { version: "abc" }, field: "version" },
    { form: "updateUnit", patch: { unitId: "" }, field: "unitId" },
    { form: "updateMeasureOwner", patch: { version: "abc" }, field: "version" },
    { form: "updateMeasureOwner", patch: { code: "" }, field: "code" },
    { form: "updateMeasureOwner", patch: { code: "<script>alert(1)</script>" }, code: "NOT_FOUND" },
  ];
  const rows = tampered.map((row) => ({ code: "VALIDATION", ...row }));
  it.each(rows)("[INPUT] $form with $patch → $code", async ({ form: name, patch, field, code }) => {
    const { state, form, before, after } = await submit(name, patch);
    expectRejected(state, code);
    if (field) expect(Object.keys(state.fieldErrors)).toEqual([field]);
    // A tampered value that is present is "invalid", never "required".
    if (field && patch[field] !== "") expect(state.fieldErrors[field]?.key).not.toBe("required");
    expect(state.values).toEqual(withoutPasswords(form));
    expect(after).toEqual(before);
  });

  const versioned: FormName[] = ["updateUserAccess", "setUserActive", "resetUserPassword", "updateUnit", "updateMeasureOwner"];
  it.each(versioned)("[INPUT] %s at a stale version → CONFLICT", async (name) => {
    const { state, before, after } = await submit(name, { version: "999" });
    expectRejected(state, "CONFLICT");
    expect(after.row?.version).toBe(1);
    expect(after).toEqual(before);
  });
});

describe("[INPUT] the language switch takes only a known locale", () => {
  const bogus = ["xx", "<script>alert(1)</script>", "", "zh-CN'; --", "EN"];
  it.each(bogus)("[INPUT] locale %j → VALIDATION, no cookie", async (locale) => {
    await signInAs(null);
    const state = await setLocaleAction(idleState, toFormData({ locale }));
    expectRejected(state);
    expect(Object.keys(state.fieldErrors)).toEqual(["locale"]);
    expect(cookieValue("NEXT_LOCALE")).toBeUndefined();
  });

  it("[INPUT] control: a known locale sets the cookie", async () => {
    await signInAs(null);
    expect(await setLocaleAction(idleState, toFormData({ locale: "en" }))).toMatchObject({ status: "success" });
    expect(cookieValue("NEXT_LOCALE")).toBe("en");
  });
});
