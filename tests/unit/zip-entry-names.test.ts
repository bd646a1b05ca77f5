import { describe, expect, it } from "vitest";
import { zipEntryNames } from "@/lib/attachments/zip-entry-names";

describe("[ATTACH] zip entry names", () => {
  it("keeps every entry inside its folder, whatever the names hold", () => {
    const names = zipEntryNames([
      { folder: "../..", name: "../../etc/passwd" },
      { folder: "节点：开工/验收", name: "C:\\Windows\\system32\\evil.exe" },
      { folder: "/abs", name: "/root/.ssh/id_rsa" },
      { folder: "report", name: "a\u202ecod.pdf" },
      { folder: "report", name: "" },
    ]);
    // A folder ".._.." is one harmless component, never a step up.
    expect(names).toEqual([".._../passwd", "节点：开工_验收/evil.exe", "_abs/id_rsa", "report/acod.pdf", "report/file"]);
    for (const name of names) {
      expect(name.split("/")).toHaveLength(2);
      expect(name.split("/")).not.toContain("..");
    }
  });

  it("numbers a name taken already in its folder, ignoring case, before the extension", () => {
    expect(
      zipEntryNames([
        { folder: "r", name: "photo.jpg" },
        { folder: "r", name: "PHOTO.jpg" },
        { folder: "r", name: "photo.jpg" },
        { folder: "s", name: "photo.jpg" },
        { folder: "r", name: "README" },
        { folder: "r", name: "README" },
      ]),
    ).toEqual(["r/photo.jpg", "r/PHOTO (2).jpg", "r/photo (3).jpg", "s/photo.jpg", "r/README", "r/README (2)"]);
  });
});
