import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";

/**
 * The fonts a PDF draws with, as a reader finds them: each font dictionary that carries glyphs
 * itself (a Type0 font delegates them to its descendant, which is listed in its place), its
 * name, and the font file its descriptor embeds (FontFile2: TrueType, FontFile3: CFF/OpenType,
 * FontFile: Type 1), with that file's size in the PDF. A standard font (Helvetica) has neither
 * descriptor nor file: the reader draws it with whatever it has.
 */
export type PdfFont = { name: string; subtype: string; fontFile?: "FontFile" | "FontFile2" | "FontFile3"; fileBytes?: number };

export async function fontsOf(bytes: Uint8Array): Promise<PdfFont[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts: PdfFont[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const subtype = object.get(PDFName.of("Subtype"))?.toString().replace(/^\//, "") ?? "";
    if (subtype === "Type0") continue;
    const font: PdfFont = { name: object.get(PDFName.of("BaseFont"))?.toString().replace(/^\//, "") ?? "", subtype };
    const descriptor = object.lookupMaybe(PDFName.of("FontDescriptor"), PDFDict);
    for (const key of ["FontFile", "FontFile2", "FontFile3"] as const) {
      const file = descriptor?.lookup(PDFName.of(key));
      if (file instanceof PDFRawStream) Object.assign(font, { fontFile: key, fileBytes: file.contents.length });
    }
    fonts.push(font);
  }
  return fonts.sort((a, b) => a.name.localeCompare(b.name));
}
