import { describe, expect, it } from "vitest";
import { emitEvent, emitEvents } from "@/lib/events/emit-event";
import { uniqueSuffix } from "./fixtures";
import { testDb } from "./helpers";

const db = testDb();

describe("[EVENTS] the outbox", () => {
  it("records an event with its audience; the same key twice is one row", async () => {
    const key = `report.dueSoon:m-${uniqueSuffix()}:2026-12`;
    const event = {
      type: "report.dueSoon" as const,
      key,
      entityType: "Measure",
      entityId: "m1",
      audienceUnitIds: ["u1", "u2"],
      audienceRoles: ["INSPECTOR" as const],
      payload: { period: "2026-12" },
    };
    expect(await db.$transaction((tx) => emitEvent(tx, event))).toBe(true);
    expect(await db.$transaction((tx) => emitEvent(tx, event))).toBe(false);
    expect(await db.$transaction((tx) => emitEvents(tx, [event, { ...event, key: `${key}:other` }]))).toBe(1);
    const rows = await db.domainEvent.findMany({ where: { key: { startsWith: key } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => row.key)).toEqual([key, `${key}:other`]);
    expect(rows[0]).toMatchObject({ audienceUnitIds: ["u1", "u2"], audienceRoles: ["INSPECTOR"], audienceUserIds: [], dispatchedAt: null });
  });

  it("an event emitted in a transaction that fails is not recorded", async () => {
    const entityId = `m-${uniqueSuffix()}`;
    await expect(
      db.$transaction(async (tx) => {
        await emitEvent(tx, { type: "report.returned", entityType: "ProgressReport", entityId });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.domainEvent.count({ where: { entityId } })).toBe(0);
    await db.$transaction((tx) => emitEvent(tx, { type: "report.returned", entityType: "ProgressReport", entityId }));
    await db.$transaction((tx) => emitEvent(tx, { type: "report.returned", entityType: "ProgressReport", entityId }));
    expect(await db.domainEvent.count({ where: { entityId } })).toBe(2);
  });
});
