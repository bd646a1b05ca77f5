import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appErrorCodes } from "@/lib/errors/app-error";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

type Tree = { [key: string]: string | Tree };
const root = path.resolve(import.meta.dirname, "..", "..");

function leaves(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(leaves(value, `${prefix}${key}.`)),
    ),
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("[I18N] messages", () => {
  it("has the same keys in zh-CN and en, none empty", () => {
    const zhLeaves = leaves(zh as Tree);
    const enLeaves = leaves(en as Tree);
    expect(Object.keys(enLeaves).sort()).toEqual(Object.keys(zhLeaves).sort());
    for (const [key, value] of [...Object.entries(zhLeaves), ...Object.entries(enLeaves)]) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("has a message for every error code, in both languages", () => {
    for (const messages of [zh, en]) {
      const errors = (messages as Tree).errors as Tree;
      for (const code of appErrorCodes) expect(typeof errors[code], code).toBe("string");
    }
  });

  it("keeps Chinese text out of pages and components (it belongs in messages/)", () => {
    const offenders = [...sourceFiles("app"), ...sourceFiles("components")].filter((file) =>
      /\p{Script=Han}/u.test(fs.readFileSync(path.join(root, file), "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
