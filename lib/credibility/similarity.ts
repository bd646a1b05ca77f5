/**
 * How alike two texts are, 0–1: the Jaccard index of their sets of character
 * 3-grams after dropping whitespace and punctuation (Chinese has no word
 * boundaries, so characters, not words). Identical texts give 1, texts sharing
 * no three consecutive characters give 0. Texts too short to say (fewer than
 * `minLength` characters left) give null.
 */
export function textSimilarity(a: string, b: string, minLength = 10): number | null {
  const [left, right] = [normalized(a), normalized(b)];
  if (left.length < minLength || right.length < minLength) return null;
  const [x, y] = [trigrams(left), trigrams(right)];
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return shared / (x.size + y.size - shared);
}

function normalized(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
}

function trigrams(text: string): Set<string> {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(""));
  return grams;
}
