import "@/server/server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDay } from "@/lib/documents/format";
import { grammaticalSex } from "@/lib/fhir/grammatical-sex";
import { t } from "@/lib/i18n/messages";

/**
 * Renders a clinical document (lab results, imaging report, letters, prescription, vaccination
 * certificate) as a real, readable A4 PDF: letterhead of the facility, title, patient, author and
 * date, then sections of text and tables, and a numbered footer.
 *
 * Uses the PDF standard fonts (Helvetica), which need no embedding: files stay small and
 * rendering takes a few milliseconds, so the seed can afford one PDF per document. Their
 * WinAnsi encoding covers French; anything it cannot encode is replaced, never thrown on.
 */
export type PdfColumn = { label: string; /** Share of the table's width. */ width: number; align?: "left" | "right" };
export type PdfTable = { columns: PdfColumn[]; rows: string[][] };
export type PdfSection = { heading?: string; paragraphs?: string[]; table?: PdfTable; list?: string[] };

export type ClinicalPdf = {
  /** The kind of document, printed above the title ("Compte rendu d'imagerie"). */
  label: string;
  title: string;
  patient: { name: string; birthDate?: string; gender?: "female" | "male" | "other" | "unknown" };
  date: string | Date;
  /** "Dr Sophie Bernard, médecin généraliste". */
  author: string;
  facility: { name: string; lines?: string[] };
  /** Where it was signed, for "Lyon, le 3 mars 2024". */
  place?: string;
  sections: PdfSection[];
  /** Printed at the end; defaults to the author. */
  signature?: string;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 50, right: 50, top: 50, bottom: 64 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10.5;
const LINE = 14;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.44);
const ACCENT = rgb(0.0, 0.36, 0.47);
const RULE = rgb(0.8, 0.83, 0.87);
const SHADE = rgb(0.94, 0.95, 0.97);

// Characters WinAnsi lacks but clinical text uses; everything else unknown becomes "?".
const SUBSTITUTES: Record<string, string> = {
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2192": "->",
  "\u2009": " ",
  "\u202f": " ",
  "\u00a0": " ",
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u00b3": "3",
};

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont; charset: ReadonlySet<number> };

function encodable(fonts: Fonts, text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const replaced = SUBSTITUTES[char] ?? char;
    for (const c of replaced) out += fonts.charset.has(c.codePointAt(0) ?? 0) || c === " " ? c : "?";
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

function shortDateFr(date: string): string {
  const [year, month, day] = date.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/** Lays text out top to bottom, opening a new page when the current one is full. */
class Layout {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
  }

  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  text(text: string, options: { x?: number; size?: number; font?: PDFFont; color?: ReturnType<typeof rgb>; width?: number; gap?: number } = {}) {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? BODY_SIZE;
    const lineHeight = Math.max(LINE, size * 1.35);
    for (const line of wrap(encodable(this.fonts, text), font, size, options.width ?? CONTENT_WIDTH)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: options.x ?? MARGIN.left, y: this.y + 3, size, font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 0;
  }

  rule(color = RULE) {
    this.ensure(8);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: A4.width - MARGIN.right, y: this.y }, thickness: 0.8, color });
    this.y -= 6;
  }

  table(table: PdfTable) {
    const total = table.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = table.columns.map((column) => (column.width / total) * CONTENT_WIDTH);
    const size = 9.5;
    const padding = 4;
    const drawRow = (cells: string[], header: boolean) => {
      const font = header ? this.fonts.bold : this.fonts.regular;
      const wrapped = cells.map((cell, i) => wrap(encodable(this.fonts, cell), font, size, (widths[i] ?? 0) - 2 * padding));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * 12 + 2 * padding;
      this.ensure(height);
      if (header) {
        this.page.drawRectangle({ x: MARGIN.left, y: this.y - height, width: CONTENT_WIDTH, height, color: SHADE });
      }
      let x = MARGIN.left;
      wrapped.forEach((lines, i) => {
        const width = widths[i] ?? 0;
        lines.forEach((line, n) => {
          const right = table.columns[i]?.align === "right";
          const lineWidth = font.widthOfTextAtSize(line, size);
          const lineX = right ? x + width - padding - lineWidth : x + padding;
          this.page.drawText(line, { x: lineX, y: this.y - padding - 9 - n * 12, size, font, color: INK });
        });
        x += width;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: A4.width - MARGIN.right, y: this.y }, thickness: 0.5, color: RULE });
    };
    drawRow(table.columns.map((column) => column.label), true);
    for (const row of table.rows) drawRow(row, false);
    this.y -= 8;
  }
}

function drawHeader(layout: Layout, doc: ClinicalPdf, date: string) {
  const { fonts } = layout;
  const top = layout.y;
  layout.text(doc.facility.name, { font: fonts.bold, size: 13, color: ACCENT, width: CONTENT_WIDTH * 0.62 });
  for (const line of doc.facility.lines ?? []) layout.text(line, { size: 9, color: MUTED, width: CONTENT_WIDTH * 0.62 });
  const afterFacility = layout.y;
  const placeDate = encodable(fonts, `${doc.place ? `${doc.place}, le` : "Le"} ${formatDay(date)}`);
  const dateWidth = fonts.regular.widthOfTextAtSize(placeDate, 10);
  layout.page.drawText(placeDate, { x: A4.width - MARGIN.right - dateWidth, y: top - 14, size: 10, font: fonts.regular, color: INK });
  layout.y = afterFacility - 6;
  layout.rule(ACCENT);
  layout.text(doc.label.toUpperCase(), { font: fonts.bold, size: 9, color: ACCENT });
  layout.text(doc.title, { font: fonts.bold, size: 16, gap: 6 });

  const born = doc.patient.birthDate
    ? `, ${t(`prescriptionPage.bornOn.${grammaticalSex(doc.patient.gender)}`, { date: shortDateFr(doc.patient.birthDate) })}`
    : "";
  const rows = [`Patient : ${doc.patient.name}${born}`, `Auteur : ${doc.author}`, `Date : ${shortDateFr(date)}`];
  const height = rows.length * LINE + 12;
  layout.ensure(height);
  layout.page.drawRectangle({ x: MARGIN.left, y: layout.y - height, width: CONTENT_WIDTH, height, color: SHADE });
  layout.y -= 6;
  for (const row of rows) layout.text(row, { x: MARGIN.left + 10, width: CONTENT_WIDTH - 20 });
  layout.y -= 16;
}

function drawFooters(layout: Layout, doc: ClinicalPdf) {
  const { fonts, pages } = layout;
  const note = encodable(fonts, `${doc.title} - ${doc.patient.name} - Données fictives de démonstration`);
  pages.forEach((page, i) => {
    page.drawLine({ start: { x: MARGIN.left, y: 44 }, end: { x: A4.width - MARGIN.right, y: 44 }, thickness: 0.5, color: RULE });
    page.drawText(wrap(note, fonts.italic, 8, CONTENT_WIDTH - 60)[0] ?? "", { x: MARGIN.left, y: 30, size: 8, font: fonts.italic, color: MUTED });
    const number = `Page ${i + 1}/${pages.length}`;
    const width = fonts.regular.widthOfTextAtSize(number, 8);
    page.drawText(number, { x: A4.width - MARGIN.right - width, y: 30, size: 8, font: fonts.regular, color: MUTED });
  });
}

export async function renderPdf(doc: ClinicalPdf): Promise<Uint8Array> {
  const date = typeof doc.date === "string" ? doc.date : doc.date.toISOString();
  const when = new Date(date);
  // Fixed metadata (no "now"), so the same document always renders to the same bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(`${doc.title} - ${doc.patient.name}`);
  pdf.setAuthor(doc.author);
  pdf.setSubject(doc.label);
  pdf.setCreator(doc.facility.name);
  pdf.setProducer("Mon espace santé (démonstration)");
  pdf.setLanguage("fr-FR");
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);

  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const fonts: Fonts = {
    regular,
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
    charset: new Set(regular.getCharacterSet()),
  };
  const layout = new Layout(pdf, fonts);
  drawHeader(layout, doc, date);

  for (const section of doc.sections) {
    if (section.heading) {
      layout.ensure(LINE * 3);
      layout.text(section.heading, { font: fonts.bold, size: 11.5, color: ACCENT, gap: 2 });
    }
    for (const paragraph of section.paragraphs ?? []) layout.text(paragraph, { gap: 5 });
    for (const item of section.list ?? []) {
      layout.ensure(LINE);
      layout.page.drawText("-", { x: MARGIN.left + 4, y: layout.y - LINE + 3, size: BODY_SIZE, font: fonts.regular, color: INK });
      layout.text(item, { x: MARGIN.left + 16, width: CONTENT_WIDTH - 16, gap: 2 });
    }
    if (section.table) layout.table(section.table);
    layout.y -= 6;
  }

  layout.ensure(LINE * 3);
  layout.y -= 10;
  const signature = doc.signature ?? doc.author;
  layout.text(signature, { font: fonts.bold, x: MARGIN.left + CONTENT_WIDTH * 0.55, width: CONTENT_WIDTH * 0.45 });
  layout.text("Document signé électroniquement", { size: 8.5, color: MUTED, font: fonts.italic, x: MARGIN.left + CONTENT_WIDTH * 0.55, width: CONTENT_WIDTH * 0.45 });

  drawFooters(layout, doc);
  return pdf.save({ useObjectStreams: true });
}
