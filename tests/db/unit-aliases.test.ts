import { afterAll, describe, expect, it } from "vitest";
import { unitNameKey } from "@/lib/measure-import/match-unit-name";
import { createUnitAlias, deleteUnitAlias, listUnitAliases } from "@/lib/unit-aliases/unit-aliases";
import { seedUnit, seedUser, uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

const fieldKey = async (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { fieldErrors?: Record<string, { key: string }>; code?: string }) => error.fieldErrors?.alias?.key ?? error.fieldErrors?.unitCode?.key ?? error.code,
  );

describe("unit aliases kept by admins", () => {
  it("adds, finds and deletes an alias, audited; refuses a unit's own name, a taken alias and an unknown unit", async () => {
    const admin = await seedUser(db, "ADMIN", null);
    const actor = { ...admin, role: "ADMIN" as const, unitId: null };
    const unit = await seedUnit(db);
    const name = `测${uniqueSuffix()}发改委`;
    const alias = await createUnitAlias(db, actor as never, { alias: name, unitCode: unit.code });
    expect([alias.key, alias.unitId, alias.createdById]).toEqual([unitNameKey(name), unit.id, admin.id]);

    const found = await listUnitAliases(db, { q: name, page: 1 });
    expect([found.total, found.aliases[0]?.unit.code]).toEqual([1, unit.code]);

    expect(await fieldKey(createUnitAlias(db, actor as never, { alias: ` ${name}`.replace("测", "测"), unitCode: unit.code }))).toBe("aliasTaken");
    expect(await fieldKey(createUnitAlias(db, actor as never, { alias: unit.nameZh, unitCode: unit.code }))).toBe("aliasIsUnitName");
    expect(await fieldKey(createUnitAlias(db, actor as never, { alias: `别${uniqueSuffix()}`, unitCode: "no-such-unit" }))).toBe("unitNotFound");

    await deleteUnitAlias(db, actor as never, alias.id);
    expect(await db.unitAlias.count({ where: { id: alias.id } })).toBe(0);
    const audit = await db.auditEvent.findMany({ where: { entityId: unit.id, action: { startsWith: "unitAlias." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["unitAlias.create", "unitAlias.delete"]);
    expect(await fieldKey(deleteUnitAlias(db, actor as never, alias.id))).toBe("NOT_FOUND");
  });
});
