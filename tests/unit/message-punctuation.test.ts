import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const PUNCTUATION = "。．.！!？?，,；;：:、";
/** Two marks in a row ("。。", "：。", "!.", "..") — an ellipsis ("..." or "……") is one mark. */
const doubled = new RegExp(`[${PUNCTUATION}]{2,}`, "gu");
const isEllipsis = (run: string) => run === "..." || /^…+$/.test(run);
/** Placeholders that carry text people typed, which may end with its own full stop. */
const freeText = /\{(comment|reason|text|body|note|reply|message)\}[。．.！!？?，,；;：:]/u;

describe.each([
  ["zh-CN", zh],
  ["en", en],
])("[I18N] punctuation of %s", (_locale, messages) => {
  const all = leaves(messages as Tree);

  it("has no doubled punctuation in any message", () => {
    const found = all.flatMap(([key, value]) => (value.match(doubled) ?? []).filter((run) => !isEllipsis(run)).map((run) => `${key}: ${run}`));
    expect(found).toEqual([]);
  });

  it("puts no punctuation after a placeholder of typed text (which may end with its own)", () => {
    expect(all.filter(([, value]) => freeText.test(value)).map(([key]) => key)).toEqual([]);
  });
});

describe("[I18N] the scan itself", () => {
  it("finds the doubled marks it is meant to find", () => {
    for (const bad of ["已保存。。", "原因：。", "Saved..", "Done!.", "好，。"]) expect(bad.match(doubled)?.some((run) => !isEllipsis(run))).toBe(true);
    for (const good of ["加载中...", "稍候……", "已保存。", "e.g. this"]) expect((good.match(doubled) ?? []).every(isEllipsis)).toBe(true);
  });
});
