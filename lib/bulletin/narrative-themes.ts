/** A recurring phrase of the 存在问题 texts and in how many texts it occurs. */
export interface NarrativeTheme {
  phrase: string;
  count: number;
}

// Function words and filler that make no theme on their own: an n-gram holding one of these
// characters at either end, or equal to one of the phrases, is not counted.
const STOP_EDGE = new Set([..."的了和与及或在对是有为将把被等中上下个也都而并以其之该此其"]);
const STOP_PHRASES = new Set([
  "存在问题", "问题", "目前", "当前", "进一步", "一定", "部分", "相关", "工作", "方面", "情况", "没有", "暂无", "无", "正在", "需要",
  "推进", "加快", "项目", "主要", "一些", "由于", "导致", "影响", "较大", "较多",
]);
const HAN = /\p{Script=Han}+/gu;
/** Only the start of a long text is read: a theme is named early, and the count stays cheap at province volume. */
const TEXT_MAX = 500;

/** Every distinct Han n-gram (min..max characters) of one text. */
function ngrams(text: string, min: number, max: number): Set<string> {
  const found = new Set<string>();
  for (const run of text.match(HAN) ?? []) {
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const gram = run.slice(i, i + n);
        if (STOP_EDGE.has(gram[0]!) || STOP_EDGE.has(gram.at(-1)!) || STOP_PHRASES.has(gram)) continue;
        found.add(gram);
      }
    }
  }
  return found;
}

/**
 * The most frequent themes of a set of 存在问题 texts, by phrase frequency (no model):
 * Han character n-grams of 2–8 characters counted once per text, kept when they occur in
 * at least `minCount` texts. A phrase is dropped when a longer one containing it occurs in
 * as many texts (it adds nothing), and when it overlaps a phrase already chosen.
 */
export function extractThemes(texts: string[], options: { limit?: number; minCount?: number } = {}): NarrativeTheme[] {
  const { limit = 5, minCount = 2 } = options;
  const counts = new Map<string, number>();
  for (const text of texts) for (const gram of ngrams(text.slice(0, TEXT_MAX), 2, 8)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  const frequent = [...counts].filter(([, count]) => count >= minCount);
  // Longest phrase first among equals, so "融资难" wins over "融资" when both occur as often.
  const ranked = frequent
    .filter(([phrase, count]) => !frequent.some(([other, otherCount]) => other.length > phrase.length && other.includes(phrase) && otherCount >= count))
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0], "zh-CN"));
  const chosen: NarrativeTheme[] = [];
  for (const [phrase, count] of ranked) {
    if (chosen.length >= limit) break;
    // Overlapping phrases ("资金到位" and "金到位慢") name the same theme: keep the first.
    if (chosen.some((theme) => overlaps(theme.phrase, phrase))) continue;
    chosen.push({ phrase, count });
  }
  return chosen;
}

/** Whether two phrases share two or more consecutive characters. */
function overlaps(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= b.length; i++) if (a.includes(b.slice(i, i + 2))) return true;
  return false;
}
