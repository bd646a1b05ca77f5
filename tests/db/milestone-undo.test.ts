import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMilestone } from "@/lib/milestones/add-milestone";
import { changeMilestone } from "@/lib/milestones/change-milestone";
import { addMilestoneInputSchema } from "@/lib/milestones/schemas";
import { undoMilestoneCompletion } from "@/lib/milestones/undo-milestone-completion";
import { MILESTONE_UNDO_WINDOW_MS } from "@/lib/milestones/undo-window";
import { seedArea, seedMeasure, seedUnit, seedUser } from "./fixtures";
import { testDb } from "./helpers";

/** A milestone's completion can be taken back within 10 minutes, by whoever completed it or an inspector (docs/workflow.md). */
const db = testDb();
const today = new Date("2026-11-28T00:00:00Z");
let fx: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const [lead, other, area] = await Promise.all([seedUnit(db), seedUnit(db), seedArea(db)]);
  const [official, colleague, otherOfficial, inspector] = await Promise.all([
    seedUser(db, "OFFICIAL", lead.id),
    seedUser(db, "OFFICIAL", lead.id),
    seedUser(db, "OFFICIAL", other.id),
    seedUser(db, "INSPECTOR", null),
  ]);
  return { lead, area, official, colleague, otherOfficial, inspector };
}

/** A fresh milestone on a fresh measure, completed just now by the lead unit's official. */
async function completedMilestone() {
  const measure = await seedMeasure(db, fx.area.id, fx.lead.id);
  await addMilestone(db, fx.official, addMilestoneInputSchema.parse({ measureCode: measure.code, titleZh: "方案印发", dueDate: "2026-12-31" }));
  const added = await db.milestone.findFirstOrThrow({ where: { measureId: measure.id } });
  await changeMilestone(db, fx.official, { milestoneId: added.id, version: 1, completedOn: today }, today);
  return db.milestone.findUniqueOrThrow({ where: { id: added.id } });
}

beforeAll(async () => {
  fx = await setup();
});
afterAll(() => db.$disconnect());

describe("[MILESTONES] undo a completion", () => {
  it("keeps an empty English name (English is optional)", async () => {
    const milestone = await completedMilestone();
    expect(milestone.titleZh).toBe("方案印发");
    expect(milestone.titleEn).toBe("");
  });

  it("lets the one who completed it undo within the window: completedOn back to null, audited", async () => {
    const milestone = await completedMilestone();
    // The audit trail is append-only: the clock moves instead, to just inside the window.
    const almostTooLate = new Date(Date.now() + MILESTONE_UNDO_WINDOW_MS - 60_000);
    await undoMilestoneCompletion(db, fx.official, { milestoneId: milestone.id, version: milestone.version }, almostTooLate);
    const after = await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect(after.completedOn).toBeNull();
    expect(after.version).toBe(milestone.version + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: milestone.measureId, action: "milestone.undoComplete" } });
    expect(event.actorId).toBe(fx.official.id);
    expect(event.before).toEqual({ milestone: milestone.id, completedOn: "2026-11-28" });
  });

  it("lets an inspector undo another person's completion within the window", async () => {
    const milestone = await completedMilestone();
    await undoMilestoneCompletion(db, fx.inspector, { milestoneId: milestone.id, version: milestone.version });
    expect((await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).completedOn).toBeNull();
  });

  it("refuses after the window, even to the one who completed it", async () => {
    const milestone = await completedMilestone();
    const tooLate = new Date(Date.now() + MILESTONE_UNDO_WINDOW_MS + 60_000);
    await expect(undoMilestoneCompletion(db, fx.official, { milestoneId: milestone.id, version: milestone.version }, tooLate)).rejects.toMatchObject({
      code: "UNDO_WINDOW_PASSED",
    });
    await expect(undoMilestoneCompletion(db, fx.inspector, { milestoneId: milestone.id, version: milestone.version }, tooLate)).rejects.toMatchObject({
      code: "UNDO_WINDOW_PASSED",
    });
    expect((await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).completedOn).not.toBeNull();
  });

  it("refuses another unit's official, and a colleague who did not complete it", async () => {
    const milestone = await completedMilestone();
    for (const user of [fx.otherOfficial, fx.colleague]) {
      await expect(undoMilestoneCompletion(db, user, { milestoneId: milestone.id, version: milestone.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).completedOn).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: milestone.measureId, action: "milestone.undoComplete" } })).toBe(0);
  });

  it("refuses a milestone that is not completed", async () => {
    const milestone = await completedMilestone();
    await undoMilestoneCompletion(db, fx.official, { milestoneId: milestone.id, version: milestone.version });
    await expect(undoMilestoneCompletion(db, fx.official, { milestoneId: milestone.id, version: milestone.version + 1 })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });
});
