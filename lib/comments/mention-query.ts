/**
 * The "@name" being typed just before the caret, if any. In Chinese an @ follows
 * any character, a Han one or full-width punctuation too; only after a Latin letter or digit it is an address, not a mention.
 */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[^A-Za-z0-9_.])@([^\s@]{0,20})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[1]!.length - 1, query: match[1]! } : null;
}
