import type { Role } from "@/generated/prisma/enums";

/** How long a milestone's completion can be undone (docs/workflow.md, "Milestones"). */
export const MILESTONE_UNDO_WINDOW_MS = 10 * 60_000;

/** The audit event of a milestone's latest completion: who completed it, and when. */
export type Completion = { actorId: string | null; createdAt: Date };

/**
 * Whether the user may undo this completion now: within the window, and only the
 * person who completed it or an inspector. Unit scope is checked separately
 * (the measure must be one the user may act on).
 */
export function mayUndoCompletion(user: { id: string; role: Role }, completion: Completion, now: Date): boolean {
  if (now.getTime() - completion.createdAt.getTime() > MILESTONE_UNDO_WINDOW_MS) return false;
  return user.role === "INSPECTOR" || completion.actorId === user.id;
}
