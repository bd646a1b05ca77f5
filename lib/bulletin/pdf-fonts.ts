import fs from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { cjkHyphenation } from "./cjk-hyphenation";

/** The 通报's body text: a Song-style serif (Noto Serif SC, SIL Open Font License). */
export const PDF_BODY_FONT = "Noto Serif SC";
/** Headings and tables: a Hei-style sans serif (Noto Sans SC, SIL Open Font License). */
export const PDF_HEADING_FONT = "Noto Sans SC";

// The TTF files shipped in node_modules (react-pdf cannot read Debian's .ttc
// collections). Resolved from the app's directory, where both `next start` and
// the tests run, and read from disk: nothing is ever downloaded.
const families = [
  { family: PDF_BODY_FONT, dir: "noto-serif-sc", file: "NotoSerifSC" },
  { family: PDF_HEADING_FONT, dir: "noto-sans-sc", file: "NotoSansSC" },
];
const fontFile = (dir: string, file: string, weight: "400Regular" | "700Bold") =>
  path.join(process.cwd(), "node_modules", "@expo-google-fonts", dir, weight, `${file}_${weight}.ttf`);

let registered = false;

/** Registers the embedded Chinese fonts and CJK line breaking with react-pdf, once per process. */
export function registerPdfFonts(): void {
  if (registered) return;
  for (const { family, dir, file } of families) {
    const fonts = [
      { src: fontFile(dir, file, "400Regular"), fontWeight: 400 },
      { src: fontFile(dir, file, "700Bold"), fontWeight: 700 },
    ];
    for (const font of fonts) {
      if (!fs.existsSync(font.src)) throw new Error(`PDF font missing: ${font.src} (run npm ci in the app directory)`);
    }
    Font.register({ family, fonts });
  }
  Font.registerHyphenationCallback(cjkHyphenation);
  registered = true;
}
