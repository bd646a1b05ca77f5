/**
 * How alike two texts are, 0–1: the cosine similarity of their character
 * 3-gram counts after dropping whitespace and punctuation (Chinese has no word
 * boundaries, so characters, not words). Identical texts give 1; one figure
 * changed in a paragraph still gives about 0.9; texts sharing no three
 * consecutive characters give 0. Texts too short to judge (fewer than
 * `minLength` characters left, e.g. "无") give null.
 */
export function textSimilarity(a: string, b: string, minLength = 10): number | null {
  const [left, right] = [normalized(a), normalized(b)];
  if (left.length < minLength || right.length < minLength) return null;
  const [x, y] = [trigrams(left), trigrams(right)];
  let dot = 0;
  for (const [gram, count] of x) dot += count * (y.get(gram) ?? 0);
  const norm = (counts: Map<string, number>) => Math.sqrt([...counts.values()].reduce((sum, count) => sum + count * count, 0));
  // Rounding can carry the same text a hair past 1.
  return Math.min(1, dot / (norm(x) * norm(y)));
}

function normalized(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
}

function trigrams(text: string): Map<string, number> {
  const chars = [...text];
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    const gram = chars.slice(i, i + 3).join("");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}
