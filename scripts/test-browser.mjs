// Browser tests (Playwright) in Debian's Chromium. Without Chromium they are
// skipped with a notice on a developer machine, and fail in CI (CI=true).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  const message = `Browser tests need Chromium at ${chromium} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH).`;
  if (process.env.CI) {
    console.error(`FAIL: ${message}`);
    process.exit(1);
  }
  console.warn(`SKIPPED: ${message}`);
  process.exit(0);
}

const bin = path.join(import.meta.dirname, "..", "node_modules", ".bin", "playwright");
const result = spawnSync(bin, ["test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
