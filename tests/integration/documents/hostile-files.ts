import { crc32, deflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import sharp from "sharp";

/** Files an attacker (or an unlucky patient) uploads, built here so the tests need no fixtures on disk. */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a PNG whose header claims 100,000 × 100,000 pixels (10 gigapixels) of a
 * single colour, in a few hundred bytes of file. Decoding it would take 30 GB of memory.
 */
export function pngBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const scanline = Buffer.alloc(1 + 3 * 100);
  const data = deflateSync(Buffer.concat(Array.from({ length: 100 }, () => scanline)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", data),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A photo with the GPS position of where it was taken (and the camera). */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneCorp", Model: "Spy 3000", Copyright: "Camille" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "45/1 45/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 50/1 0/1" },
    })
    .toBuffer();
}

export async function aPng(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 4, background: { r: 0, g: 90, b: 160, alpha: 1 } } }).png().toBuffer();
}

/** A PDF that runs JavaScript when opened (an OpenAction of type JavaScript), stored plainly or in object streams. */
export async function pdfWithJavaScript(options: { objectStreams?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const action = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('pwned')") });
  doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(action));
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? false }));
}

/** The same with the names spelt in #xx escapes (/J#61vaScript), which a plain text search misses. */
export async function pdfWithEscapedJavaScript(): Promise<Buffer> {
  const plain = (await pdfWithJavaScript()).toString("latin1");
  return Buffer.from(plain.replace("/JavaScript", "/J#61vaScript").replace("/JS (", "/J#53 ("), "latin1");
}

/** A .pdf that is an HTML page, and a polyglot that starts like a PDF and carries a page. */
export const htmlPretendingToBePdf = Buffer.from("<!doctype html><html><body><script>fetch('/api/fhir/R4/Patient')</script></body></html>");

export async function pdfHtmlPolyglot(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const pdf = Buffer.from(await doc.save()).toString("latin1");
  return Buffer.from(pdf.replace("%PDF-1.7\n", "%PDF-1.7\n<html><script>alert(document.cookie)</script></html>\n"), "latin1");
}

export const svgImage = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');

/**
 * A valid PDF of exactly `size` bytes: one page of `text` and an unreferenced uncompressed stream
 * of filler sized so the whole file lands on the byte.
 */
export async function pdfOfSize(size: number, text = "Compte rendu volumineux"): Promise<Buffer> {
  const build = async (filler: number) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText(text, { x: 50, y: 780, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    doc.context.register(doc.context.stream(new Uint8Array(filler).fill(0x20)));
    return Buffer.from(await doc.save({ useObjectStreams: false }));
  };
  let filler = Math.max(0, size - 2_000);
  for (let attempt = 0; attempt < 5; attempt++) {
    const bytes = await build(filler);
    if (bytes.length === size) return bytes;
    filler += size - bytes.length;
  }
  throw new Error(`could not build a PDF of ${size} bytes`);
}

/**
 * A small, valid PDF whose text takes minutes to extract (SECURITY-CASES 47): its page draws a
 * form, which draws the next form twice, and so on `depth` times, each drawing a letter. The
 * file is 4 kB (and `fillerBytes` more), pdf-lib parses it at once (nothing is scripted), and pdf.js walks 2^depth
 * forms: measured at 1 ms a form on these machines, depth 14 took 18 s, 18 takes minutes.
 */
export async function pdfSlowToExtract(depth = 18, fillerBytes = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const context = doc.context;
  let inner: ReturnType<typeof context.register> | undefined;
  for (let level = depth - 1; level >= 0; level--) {
    const draw = "BT /F 12 Tf 50 700 Td (a) Tj ET";
    const resources = context.obj(inner ? { Font: { F: font.ref }, XObject: { X: inner } } : { Font: { F: font.ref } });
    const form = context.stream(inner ? `/X Do /X Do ${draw}` : draw, { Type: "XObject", Subtype: "Form", BBox: [0, 0, 600, 800], Resources: resources });
    inner = context.register(form);
  }
  page.node.setXObject(PDFName.of("X"), inner!);
  page.node.set(PDFName.of("Contents"), context.register(context.stream("/X Do")));
  // An unused stream, to make it large enough to take an upload turn (src/server/http/upload-turns.ts).
  if (fillerBytes > 0) context.register(context.stream(new Uint8Array(fillerBytes).fill(0x20)));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
