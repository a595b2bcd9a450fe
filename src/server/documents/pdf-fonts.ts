import "@/server/server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { create, type Font as FontkitFont } from "fontkit";

/**
 * The typeface of the generated PDFs, embedded in them: Arimo (SIL Open Font Licence), drawn to
 * Helvetica's and Arial's metrics (Liberation Sans 2 is made from it), so the pages kept their
 * layout when it replaced the standard Helvetica. That one was not embedded and its WinAnsi
 * encoding printed « ? » for every letter outside Windows-1252: « Łukasz », « Ștefan »,
 * « Yılmaz », « Nguyễn » got question marks in their own names. Arimo covers Latin with its
 * extensions, Vietnamese, Greek, Cyrillic and Hebrew; PDFKit (through fontkit) embeds in each
 * file only the glyphs it uses.
 *
 * The files are the static cuts (one file per weight, no variable font) of the npm package
 * @expo-google-fonts/arimo, a dependency, so they are in node_modules wherever the portal runs:
 * tests, the seed, `npm start` and the image all run from the project's root, as for
 * SimpleWebAuthn's file (webauthn/browser-library.ts). Not through this module's own location:
 * Next's bundler (Turbopack) turns `require.resolve` into a module number, and
 * `new URL(file, import.meta.url)` into a copy served to anyone under /_next/static/media.
 */
export type Font = "Regular" | "Bold" | "Italic";

const PACKAGE = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "arimo");
const FILES: Record<Font, string> = {
  Regular: path.join(PACKAGE, "400Regular", "Arimo_400Regular.ttf"),
  Bold: path.join(PACKAGE, "700Bold", "Arimo_700Bold.ttf"),
  Italic: path.join(PACKAGE, "400Regular_Italic", "Arimo_400Regular_Italic.ttf"),
};

/**
 * Read and parsed once per process, then shared by every PDF: PDFKit given the file's bytes
 * parses them again for each document, which took 40 to 60 ms of a 3 ms page here; given the
 * parsed font, it only makes that document's subset of it.
 */
const parsed = new Map<Font, FontkitFont>();

export function pdfFont(font: Font): FontkitFont {
  let loaded = parsed.get(font);
  if (!loaded) {
    const file = FILES[font];
    // Not traced by Next's bundler: the path is one of FILES, in node_modules, which the bundler
    // cannot tell from its indexing and would otherwise trace the whole project for.
    const opened = create(readFileSync(/*turbopackIgnore: true*/ file));
    if (!("hasGlyphForCodePoint" in opened)) throw new Error(`${file} n'est pas une police seule.`);
    loaded = opened;
    parsed.set(font, loaded);
  }
  return loaded;
}

/**
 * The text as the fonts can print it: a character none of the glyphs covers (Chinese, Japanese,
 * Korean, Arabic, Devanagari, emoji, control characters...) becomes « ? », as it did before for
 * anything outside WinAnsi, rather than an empty box that a copy would not give back. The three
 * cuts cover the same characters; the regular one is asked. Spaces and line breaks are kept for
 * the layout, which splits lines on them. A soft hyphen goes: the font would draw it as a hyphen.
 *
 * fontkit, shared between documents, keeps the first character it met for each glyph, and that
 * is what a copy gives back for the glyph: the few characters Arimo draws with another's glyph
 * (Latin and Cyrillic schwa, fraction and division slash) may come back as their twin.
 */
export function printable(text: string): string {
  const font = pdfFont("Regular");
  let out = "";
  for (const char of text.normalize("NFC").replaceAll("\u00ad", "")) {
    out += /\s/.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0) ? char : "?";
  }
  return out;
}
