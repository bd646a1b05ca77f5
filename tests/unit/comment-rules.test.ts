import { describe, expect, it } from "vitest";
import { mayDeleteComment, mayEditComment } from "@/lib/comments/edit-window";
import { mentionQuery } from "@/lib/comments/mention-query";

describe("[COMMENTS] the @ type-ahead's query", () => {
  it("starts at an @ after a space, a Han character or punctuation, up to the caret", () => {
    expect(mentionQuery("@张", 2)).toEqual({ start: 0, query: "张" });
    expect(mentionQuery("请@张三", 4)).toEqual({ start: 1, query: "张三" });
    expect(mentionQuery("好的，@督查", 6)).toEqual({ start: 3, query: "督查" });
    expect(mentionQuery("see @", 5)).toEqual({ start: 4, query: "" });
  });

  it("is no mention in an address, after a space typed, or before the caret", () => {
    expect(mentionQuery("mail a@b", 8)).toBeNull();
    expect(mentionQuery("@张三 ", 4)).toBeNull();
    expect(mentionQuery("@张三 好", 5)).toBeNull();
  });
});

describe("[COMMENTS] who may edit and delete", () => {
  const createdAt = new Date("2026-12-03T08:00:00Z");
  const comment = { authorId: "a", createdAt, deletedAt: null };
  it("the author within 15 minutes edits; nobody after, nobody else", () => {
    expect(mayEditComment("a", comment, new Date("2026-12-03T08:15:00Z"))).toBe(true);
    expect(mayEditComment("a", comment, new Date("2026-12-03T08:15:01Z"))).toBe(false);
    expect(mayEditComment("b", comment, createdAt)).toBe(false);
    expect(mayEditComment("a", { ...comment, deletedAt: createdAt }, createdAt)).toBe(false);
  });
  it("the author or an admin deletes, once", () => {
    expect(mayDeleteComment({ id: "a", role: "OFFICIAL" }, comment)).toBe(true);
    expect(mayDeleteComment({ id: "b", role: "ADMIN" }, comment)).toBe(true);
    expect(mayDeleteComment({ id: "b", role: "INSPECTOR" }, comment)).toBe(false);
    expect(mayDeleteComment({ id: "a", role: "OFFICIAL" }, { ...comment, deletedAt: createdAt })).toBe(false);
  });
});
