/**
 * A chart label cut to fit `width` pixels, ending in "…" (the whole label goes in
 * the tick's title). CJK characters are about one em wide, others about 0.6 em.
 */
export function fitLabel(label: string, width: number, fontSize: number): string {
  const charWidth = (char: string) => (/[\u2e80-\uffff]/.test(char) ? fontSize : fontSize * 0.6);
  const chars = [...label];
  const ellipsis = charWidth("…");
  let used = 0;
  for (let index = 0; index < chars.length; index++) {
    used += charWidth(chars[index]!);
    if (used > width) {
      // Take characters back until the ellipsis fits too.
      let keep = index;
      while (keep > 1 && chars.slice(0, keep).reduce((sum, char) => sum + charWidth(char), 0) + ellipsis > width) keep--;
      return `${chars.slice(0, keep).join("")}…`;
    }
  }
  return label;
}
