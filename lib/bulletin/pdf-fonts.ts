import fs from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { cjkHyphenation } from "./cjk-hyphenation";

export const PDF_FONT_FAMILY = "Noto Sans SC";

// The TTF files shipped in node_modules (react-pdf cannot read Debian's .ttc
// collections). Resolved from the app's directory, where both `next start` and
// the tests run, and read from disk: nothing is ever downloaded.
const fontDir = () => path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc");
const fontFiles = () => ({
  400: path.join(fontDir(), "400Regular", "NotoSansSC_400Regular.ttf"),
  700: path.join(fontDir(), "700Bold", "NotoSansSC_700Bold.ttf"),
});

let registered = false;

/** Registers the embedded Chinese font and CJK line breaking with react-pdf, once per process. */
export function registerPdfFonts(): void {
  if (registered) return;
  const files = fontFiles();
  for (const file of Object.values(files)) {
    if (!fs.existsSync(file)) throw new Error(`PDF font missing: ${file} (run npm ci in the app directory)`);
  }
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: files[400], fontWeight: 400 },
      { src: files[700], fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(cjkHyphenation);
  registered = true;
}
