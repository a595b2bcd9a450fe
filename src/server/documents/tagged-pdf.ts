import "@/server/server-only";
import PDFDocument from "pdfkit";
import { pdfFont, type Font } from "./pdf-fonts";

/**
 * The common ground of the PDFs the portal generates for a patient to read: tagged (in the
 * spirit of PDF/UA), so a screen reader reads them in order, in French, with their headings,
 * lists and tables.
 *
 * Why PDFKit and not pdf-lib, which drew them before: pdf-lib writes no structure at all, so
 * tagging with it means hand-building the StructTreeRoot, the ParentTree number tree, each
 * page's StructParents and the BDC/EMC operators around every drawing. PDFKit (maintained,
 * pure JavaScript, its standard-font metrics shipped as modules, nothing read from the network)
 * does all of that with `tagged: true` and `doc.struct()`, including marked content that goes on
 * over a page break (`continueOnNewPage`). It stays out of the Next bundle (serverExternalPackages
 * in next.config.ts): it loads those font modules through its own package imports.
 *
 * Fonts are embedded (pdf-fonts.ts: Arimo, Helvetica's metrics, subset to the glyphs used), so
 * every name prints as it is written, whatever its alphabet. The files do not claim PDF/UA
 * conformance (no pdfuaid identifier): no validator here has checked them against it.
 *
 * Coordinates here are pdf-lib's (origin at the bottom left, y of the text's baseline), so the
 * renderers' layout code did not change with the library.
 */
export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;
/** A colour as fractions of 1, like pdf-lib's rgb(). */
export type Colour = readonly [number, number, number];
export type { Font } from "./pdf-fonts";
export { printable } from "./pdf-fonts";

export const A4 = { width: 595.28, height: 841.89 };

export function rgb(r: number, g: number, b: number): Colour {
  return [r, g, b];
}

const toPdfKit = (colour: Colour): [number, number, number] => [colour[0] * 255, colour[1] * 255, colour[2] * 255];

export type TaggedPdfMeta = {
  title: string;
  author?: string;
  subject?: string;
  creator?: string;
  /** Creation and modification date; fixing it makes the same document render to the same bytes. */
  date?: Date;
};

const PRODUCER = "Mon espace santé (démonstration)";

/**
 * A new tagged A4 document, its first page added, and its Document structure element, root of
 * everything read. The window shows the title (DisplayDocTitle), not the file name. Its fonts
 * are the three cuts of pdf-fonts.ts, by the names of `Font`; each is written into the file
 * only if the document uses it.
 */
export function createTaggedPdf(meta: TaggedPdfMeta, options: { bufferPages?: boolean } = {}): { doc: Doc; root: Struct } {
  const doc = new PDFDocument({
    size: [A4.width, A4.height],
    margin: 0,
    // No default font: PDFKit would parse the standard Helvetica's metrics for every document
    // (0.7 ms of a 7 ms page), which none of them uses; every text is drawn in a font of ours.
    font: "",
    autoFirstPage: false,
    bufferPages: options.bufferPages ?? false,
    pdfVersion: "1.7",
    tagged: true,
    lang: "fr-FR",
    displayTitle: true,
    info: {
      Title: meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Creator: meta.creator ?? PRODUCER,
      Producer: PRODUCER,
      ...(meta.date ? { CreationDate: meta.date, ModDate: meta.date } : {}),
    },
  });
  // @types/pdfkit lists file names and bytes as a font's source; PDFKit also takes a font
  // fontkit has parsed (PDFFontFactory.open), which spares parsing the file for every document.
  for (const font of ["Regular", "Bold", "Italic"] as const) doc.registerFont(font, pdfFont(font) as unknown as Buffer);
  escapeXmpCopy(doc);
  doc.addPage();
  const root = doc.struct("Document");
  doc.addStructure(root);
  return { doc, root };
}

type WithMetadata = { info: Record<string, unknown>; endMetadata(): void };
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/**
 * PDFKit (0.20) copies the Info values (title, author, subject...) into the XMP metadata packet
 * as they are: a patient named « Dupont & Fils », or a title holding « < », made that packet
 * malformed XML, and a crafted name could add elements of its own to it. Its Info dictionary is
 * written correctly, and before the packet (PDFDocument.end), so the packet alone is written
 * from escaped copies of the values, which are put back afterwards. This reaches into
 * PDFKit's own endMetadata: the test on the packet (render-pdf-tagged.test.ts) fails if a
 * release renames it or starts escaping itself (the text would come out escaped twice).
 */
function escapeXmpCopy(doc: Doc): void {
  const target = doc as unknown as WithMetadata;
  const endMetadata = target.endMetadata.bind(target);
  target.endMetadata = () => {
    const original = { ...target.info };
    for (const [key, value] of Object.entries(original)) if (typeof value === "string") target.info[key] = escapeXml(value);
    try {
      endMetadata();
    } finally {
      Object.assign(target.info, original);
    }
  };
}

/**
 * A new page. Marked content still open (a paragraph cut by the page break) is closed on the old
 * page and opened again on the new one, under the same structure element.
 */
export function nextPage(doc: Doc): void {
  doc.continueOnNewPage();
}

export type TextStyle = { font: Font; size: number; colour: Colour };

/** One line of text, its baseline at `baseline` from the bottom of the page. No wrapping here. */
export function drawText(doc: Doc, text: string, x: number, baseline: number, style: TextStyle): void {
  doc
    .font(style.font)
    .fontSize(style.size)
    .fillColor(toPdfKit(style.colour))
    .text(text, x, A4.height - baseline, { lineBreak: false, baseline: "alphabetic" });
}

export function widthOf(doc: Doc, text: string, font: Font, size: number): number {
  return doc.font(font).fontSize(size).widthOfString(text);
}

/**
 * Drawing that carries no meaning (rules, shading, page numbers and running footers): marked
 * as an Artifact, outside the structure, so a screen reader skips it. Never call it while a
 * structure element's content is being drawn: PDFKit closes that content to open the artifact.
 */
export function artifact(doc: Doc, type: "Layout" | "Pagination", draw: () => void): void {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

export function drawLine(doc: Doc, from: { x: number; y: number }, to: { x: number; y: number }, thickness: number, colour: Colour): void {
  doc
    .save()
    .moveTo(from.x, A4.height - from.y)
    .lineTo(to.x, A4.height - to.y)
    .lineWidth(thickness)
    .strokeColor(toPdfKit(colour))
    .stroke()
    .restore();
}

/** A filled rectangle, (x, y) its bottom left corner from the bottom of the page. */
export function drawRectangle(doc: Doc, box: { x: number; y: number; width: number; height: number }, colour: Colour): void {
  doc
    .save()
    .rect(box.x, A4.height - box.y - box.height, box.width, box.height)
    .fillColor(toPdfKit(colour))
    .fill()
    .restore();
}

/** An image, (x, y) its bottom left corner from the bottom of the page. */
export function drawImage(doc: Doc, image: Buffer, box: { x: number; y: number; width: number; height: number }): void {
  doc.image(image, box.x, A4.height - box.y - box.height, { width: box.width, height: box.height });
}

/** TH of a table's header row, for the cells of its column. */
export function columnHeader(doc: Doc, draw: () => void): Struct {
  // @types/pdfkit does not list `scope`, which PDFKit writes as the TH's /Scope attribute.
  const options: PDFKit.Mixins.StructureElementOptions & { scope: "Column" } = { scope: "Column" };
  return doc.struct("TH", options, draw);
}

/** Ends the document (closing its structure tree) and gives its bytes. */
export function finish(doc: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.end();
  });
}
