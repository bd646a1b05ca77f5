import { safeFileName } from "./safe-file-name";

/**
 * Entry names for a zip of files, `<folder>/<name>`: each part cleaned like a
 * download's name (no folders of its own, so no `..` or absolute path can
 * escape the folder it is unpacked into; no control characters), and a name
 * that is taken already — compared as Windows and macOS do, ignoring case —
 * numbered: `photo (2).jpg`.
 */
export function zipEntryNames(files: { folder: string; name: string }[]): string[] {
  const taken = new Set<string>();
  return files.map(({ folder, name }) => {
    const dir = safeFileName(folder.replaceAll(/[/\\]/g, "_"));
    const file = safeFileName(name);
    const dot = file.lastIndexOf(".");
    const [stem, extension] = dot > 0 ? [file.slice(0, dot), file.slice(dot)] : [file, ""];
    let candidate = `${dir}/${file}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${dir}/${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
