import path from "node:path";

/**
 * A file name fit to show and to offer on download: no folders (some browsers
 * send the full path), no control or bidi characters, at most 200 characters.
 */
export function safeFileName(name: string | undefined): string {
  const base = path.posix.basename((name ?? "").replaceAll("\\", "/"));
  const clean = base
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/["<>|*?:]/g, "_")
    .trim()
    .slice(0, 200);
  return clean === "" || clean === "." || clean === ".." ? "file" : clean;
}
