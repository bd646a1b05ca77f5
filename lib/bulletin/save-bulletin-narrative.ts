import { z } from "zod";
import { conflictError } from "@/lib/audit/conflict-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/db/create-client";
import { isoDate } from "@/lib/tracking/dates";
import { bulletinScopeKey } from "./issue-bulletin";
import { bulletinQuerySchema, type BulletinQuery } from "./schemas";

/** The longest summary accepted (the draft is a few hundred characters). */
export const NARRATIVE_MAX = 5000;

/** The edited summary of one bulletin (month, scope, language) with the version it was based on (0: none saved yet). */
export const saveBulletinNarrativeBodySchema = bulletinQuerySchema.extend({
  text: z.string().trim().min(1).max(NARRATIVE_MAX),
  version: z.coerce.number().int().min(0).max(2_147_483_647),
});
export type SaveBulletinNarrativeBody = z.infer<typeof saveBulletinNarrativeBodySchema>;

const identity = (query: BulletinQuery) => ({ month: isoDate(`${query.month}-01`), scopeKey: bulletinScopeKey(query), lang: query.lang });

/** The saved summary of a bulletin in one language, or null (the bulletin opens with the draft). */
export async function getBulletinNarrative(db: PrismaClient, query: BulletinQuery) {
  return db.bulletinNarrative.findUnique({
    where: { month_scopeKey_lang: identity(query) },
    select: { id: true, text: true, version: true, updatedAt: true, updatedBy: { select: { displayName: true } } },
  });
}

/**
 * Saves the inspector's text of a bulletin's summary. `version` is the one the
 * editor started from (0 when none was saved): a save based on an older one is
 * refused with CONFLICT naming who saved in between.
 */
export async function saveBulletinNarrative(db: PrismaClient, user: Pick<SessionUser, "id">, input: SaveBulletinNarrativeBody) {
  const where = identity(input);
  return db.$transaction(async (tx) => {
    const existing = await tx.bulletinNarrative.findUnique({ where: { month_scopeKey_lang: where } });
    const current = existing?.version ?? 0;
    if (current !== input.version) throw await conflictError(tx, "BulletinNarrative", existing?.id ?? "");
    let row;
    if (existing) {
      // The version in the WHERE makes a concurrent save that read the same version fail here.
      const updated = await tx.bulletinNarrative.updateMany({ where: { id: existing.id, version: current }, data: { text: input.text, version: current + 1, updatedById: user.id } });
      if (updated.count !== 1) throw await conflictError(tx, "BulletinNarrative", existing.id);
      row = await tx.bulletinNarrative.findUniqueOrThrow({ where: { id: existing.id } });
    } else {
      // A concurrent first save hits the unique (month, scope, lang) index and fails as a conflict.
      row = await tx.bulletinNarrative.create({ data: { ...where, text: input.text, updatedById: user.id } });
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "bulletin.narrativeSave",
      entityType: "BulletinNarrative",
      entityId: row.id,
      before: existing ? { text: existing.text, version: existing.version } : undefined,
      after: { month: input.month, scope: where.scopeKey, lang: input.lang, text: row.text, version: row.version },
    });
    return row;
  });
}
