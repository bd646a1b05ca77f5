// CJK ideographs, CJK punctuation and full-width forms: each may start a new line.
const CJK = "\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF";
// Closing punctuation stays on the line of the character or word before it (，。、；：？！）》」』】 and closing quotes).
const CLOSING = "\\uFF0C\\u3002\\u3001\\uFF1B\\uFF1A\\uFF1F\\uFF01\\uFF09\\u300B\\u300D\\u300F\\u3011\\u201D\\u2019";
const TOKENS = new RegExp(`[${CJK}][${CLOSING}]*|[^${CJK}]+[${CLOSING}]*`, "gu");

/**
 * Break opportunities for @react-pdf's line breaker, which only breaks at spaces
 * or hyphenation points: every CJK character becomes its own piece, Latin words
 * stay whole. The pieces are joined by empty strings, which the layout treats as
 * zero-width spaces, so no hyphen is drawn where a Chinese line wraps.
 */
export function cjkHyphenation(word: string): string[] {
  const tokens = word.match(TOKENS) ?? [word];
  if (tokens.length === 1) return tokens;
  return tokens.flatMap((token, index) => (index === 0 ? [token] : ["", token]));
}
