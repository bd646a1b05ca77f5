/** How long the author may edit a comment after writing it (a server rule; docs/features.md, "Discussion"). */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60_000;

/** Whether this user may still edit the comment: its author, within the window, not deleted. */
export function mayEditComment(userId: string, comment: { authorId: string; createdAt: Date; deletedAt: Date | null }, now: Date): boolean {
  return comment.authorId === userId && comment.deletedAt === null && now.getTime() - comment.createdAt.getTime() <= COMMENT_EDIT_WINDOW_MS;
}

/** Whether this user may delete the comment: its author or an administrator (moderation). */
export function mayDeleteComment(user: { id: string; role: string }, comment: { authorId: string; deletedAt: Date | null }): boolean {
  return comment.deletedAt === null && (comment.authorId === user.id || user.role === "ADMIN");
}
