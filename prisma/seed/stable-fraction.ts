/** A stable pseudo-random number in [0, 1) from a string, so the sample is reproducible. */
export function stableFraction(key: string): number {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 10_000) / 10_000;
}
