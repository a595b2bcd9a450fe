import "@/server/server-only";
import { formatDay } from "@/lib/documents/format";
import { grammaticalSex } from "@/lib/fhir/grammatical-sex";
import { t } from "@/lib/i18n/messages";
import {
  A4,
  artifact,
  columnHeader,
  createTaggedPdf,
  drawLine,
  drawRectangle,
  drawText,
  finish,
  nextPage,
  printable,
  rgb,
  widthOf,
  type Colour,
  type Doc,
  type Font,
  type Struct,
} from "./tagged-pdf";

/**
 * Renders a clinical document (lab results, imaging report, letters, prescription, vaccination
 * certificate) as a real, readable A4 PDF: letterhead of the facility, title, patient, author and
 * date, then sections of text and tables, and a numbered footer.
 *
 * In the embedded fonts of pdf-fonts.ts (parsed once per process, subset to the glyphs each file
 * uses): files stay small and rendering takes a few milliseconds, so the seed can afford one PDF
 * per document. Names and symbols (≤, →, µ) print as written; a character those fonts lack is
 * replaced, never thrown on.
 *
 * Tagged (tagged-pdf.ts) for the patient who reads it with a screen reader: the title is the H1,
 * each section's heading an H2, its text paragraphs, its list an L and its table a Table whose
 * first row holds column headers; rules, shading and the page footers are artifacts.
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
  /** Printed at the end; defaults to the author. `null`: a statement no one signed (the vaccination certificate the portal prints), with no signature block. */
  signature?: string | null;
  /** The line at the foot of each page, beside its number; defaults to the demonstration data's note. */
  footer?: string;
};

const MARGIN = { left: 50, right: 50, top: 50, bottom: 64 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10.5;
const LINE = 14;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.44);
const ACCENT = rgb(0.0, 0.36, 0.47);
const RULE = rgb(0.8, 0.83, 0.87);
const SHADE = rgb(0.94, 0.95, 0.97);

const FONTS = { regular: "Regular", bold: "Bold", italic: "Italic" } as const satisfies Record<string, Font>;

function wrap(doc: Doc, text: string, font: Font, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (widthOf(doc, candidate, font, size) <= width || !line) {
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

type TextOptions = { x?: number; size?: number; font?: Font; color?: Colour; width?: number; gap?: number };

/**
 * Lays text out top to bottom, opening a new page when the current one is full. Text goes under
 * the structure element it belongs to (`block`, or a closure given to doc.struct); rules and
 * shading are drawn outside any of them, as artifacts.
 */
class Layout {
  y = A4.height - MARGIN.top;

  constructor(readonly doc: Doc) {}

  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) {
      nextPage(this.doc);
      this.y = A4.height - MARGIN.top;
    }
  }

  text(text: string, options: TextOptions = {}) {
    const font = options.font ?? FONTS.regular;
    const size = options.size ?? BODY_SIZE;
    const lineHeight = Math.max(LINE, size * 1.35);
    for (const line of wrap(this.doc, printable(text), font, size, options.width ?? CONTENT_WIDTH)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      drawText(this.doc, line, options.x ?? MARGIN.left, this.y + 3, { font, size, colour: options.color ?? INK });
    }
    this.y -= options.gap ?? 0;
  }

  /** The text as a structure element of its own (P, H1, H2...) under `parent`. */
  block(parent: Struct, type: string, text: string, options: TextOptions = {}) {
    parent.add(this.doc.struct(type, {}, () => this.text(text, options)));
  }

  rule(color = RULE) {
    this.ensure(8);
    this.y -= 6;
    const y = this.y;
    artifact(this.doc, "Layout", () => drawLine(this.doc, { x: MARGIN.left, y }, { x: A4.width - MARGIN.right, y }, 0.8, color));
    this.y -= 6;
  }

  table(parent: Struct, table: PdfTable) {
    const { doc } = this;
    const total = table.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = table.columns.map((column) => (column.width / total) * CONTENT_WIDTH);
    const size = 9.5;
    const padding = 4;
    const element = doc.struct("Table");
    parent.add(element);
    const drawRow = (cells: string[], header: boolean) => {
      const font = header ? FONTS.bold : FONTS.regular;
      const wrapped = cells.map((cell, i) => wrap(doc, printable(cell), font, size, (widths[i] ?? 0) - 2 * padding));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * 12 + 2 * padding;
      this.ensure(height);
      const top = this.y;
      if (header) artifact(doc, "Layout", () => drawRectangle(doc, { x: MARGIN.left, y: top - height, width: CONTENT_WIDTH, height }, SHADE));
      const row = doc.struct("TR");
      element.add(row);
      let x = MARGIN.left;
      wrapped.forEach((lines, i) => {
        const width = widths[i] ?? 0;
        const left = x;
        const draw = () =>
          lines.forEach((line, n) => {
            const right = table.columns[i]?.align === "right";
            const lineWidth = widthOf(doc, line, font, size);
            const lineX = right ? left + width - padding - lineWidth : left + padding;
            drawText(doc, line, lineX, top - padding - 9 - n * 12, { font, size, colour: INK });
          });
        row.add(header ? columnHeader(doc, draw) : doc.struct("TD", {}, draw));
        x += width;
      });
      this.y -= height;
      const y = this.y;
      artifact(doc, "Layout", () => drawLine(doc, { x: MARGIN.left, y }, { x: A4.width - MARGIN.right, y }, 0.5, RULE));
    };
    drawRow(table.columns.map((column) => column.label), true);
    for (const row of table.rows) drawRow(row, false);
    this.y -= 8;
  }

  /** A list whose items are marked by a dash (the label), their text beside it (the body). */
  list(parent: Struct, items: string[]) {
    const { doc } = this;
    const element = doc.struct("L");
    parent.add(element);
    for (const text of items) {
      this.ensure(LINE);
      const item = doc.struct("LI");
      element.add(item);
      const y = this.y - LINE + 3;
      item.add(doc.struct("Lbl", {}, () => drawText(doc, "-", MARGIN.left + 4, y, { font: FONTS.regular, size: BODY_SIZE, colour: INK })));
      this.block(item, "LBody", text, { x: MARGIN.left + 16, width: CONTENT_WIDTH - 16, gap: 2 });
    }
  }
}

function drawHeader(layout: Layout, root: Struct, doc: ClinicalPdf, date: string) {
  const top = layout.y;
  layout.block(root, "P", doc.facility.name, { font: FONTS.bold, size: 13, color: ACCENT, width: CONTENT_WIDTH * 0.62 });
  for (const line of doc.facility.lines ?? []) layout.block(root, "P", line, { size: 9, color: MUTED, width: CONTENT_WIDTH * 0.62 });
  const afterFacility = layout.y;
  const placeDate = printable(`${doc.place ? `${doc.place}, le` : "Le"} ${formatDay(date)}`);
  const dateWidth = widthOf(layout.doc, placeDate, FONTS.regular, 10);
  root.add(layout.doc.struct("P", {}, () => drawText(layout.doc, placeDate, A4.width - MARGIN.right - dateWidth, top - 14, { font: FONTS.regular, size: 10, colour: INK })));
  layout.y = afterFacility - 6;
  layout.rule(ACCENT);
  layout.block(root, "P", doc.label.toUpperCase(), { font: FONTS.bold, size: 9, color: ACCENT });
  layout.block(root, "H1", doc.title, { font: FONTS.bold, size: 16, gap: 6 });

  const born = doc.patient.birthDate
    ? `, ${t(`prescriptionPage.bornOn.${grammaticalSex(doc.patient.gender)}`, { date: shortDateFr(doc.patient.birthDate) })}`
    : "";
  const rows = [`Patient : ${doc.patient.name}${born}`, `Auteur : ${doc.author}`, `Date : ${shortDateFr(date)}`];
  const height = rows.length * LINE + 12;
  layout.ensure(height);
  const boxTop = layout.y;
  artifact(layout.doc, "Layout", () => drawRectangle(layout.doc, { x: MARGIN.left, y: boxTop - height, width: CONTENT_WIDTH, height }, SHADE));
  layout.y -= 6;
  for (const row of rows) layout.block(root, "P", row, { x: MARGIN.left + 10, width: CONTENT_WIDTH - 20 });
  layout.y -= 16;
}

/** Page furniture, drawn once the page count is known: an artifact, not part of what is read. */
function drawFooters(pdf: Doc, doc: ClinicalPdf) {
  const note = printable(doc.footer ?? `${doc.title} - ${doc.patient.name} - Données fictives de démonstration`);
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    artifact(pdf, "Pagination", () => {
      drawLine(pdf, { x: MARGIN.left, y: 44 }, { x: A4.width - MARGIN.right, y: 44 }, 0.5, RULE);
      drawText(pdf, wrap(pdf, note, FONTS.italic, 8, CONTENT_WIDTH - 60)[0] ?? "", MARGIN.left, 30, { font: FONTS.italic, size: 8, colour: MUTED });
      const number = `Page ${i + 1}/${count}`;
      const width = widthOf(pdf, number, FONTS.regular, 8);
      drawText(pdf, number, A4.width - MARGIN.right - width, 30, { font: FONTS.regular, size: 8, colour: MUTED });
    });
  }
}

export async function renderPdf(doc: ClinicalPdf): Promise<Uint8Array> {
  const date = typeof doc.date === "string" ? doc.date : doc.date.toISOString();
  // Fixed metadata (no "now"), so the same document always renders to the same bytes.
  const { doc: pdf, root } = createTaggedPdf(
    { title: `${doc.title} - ${doc.patient.name}`, author: doc.author, subject: doc.label, creator: doc.facility.name, date: new Date(date) },
    // The footers say "Page 1/3": pages stay open until the count is known.
    { bufferPages: true },
  );
  const layout = new Layout(pdf);
  drawHeader(layout, root, doc, date);

  for (const section of doc.sections) {
    if (section.heading) {
      layout.ensure(LINE * 3);
      layout.block(root, "H2", section.heading, { font: FONTS.bold, size: 11.5, color: ACCENT, gap: 2 });
    }
    for (const paragraph of section.paragraphs ?? []) layout.block(root, "P", paragraph, { gap: 5 });
    if (section.list?.length) layout.list(root, section.list);
    if (section.table) layout.table(root, section.table);
    layout.y -= 6;
  }

  if (doc.signature !== null) {
    layout.ensure(LINE * 3);
    layout.y -= 10;
    const signature = doc.signature ?? doc.author;
    layout.block(root, "P", signature, { font: FONTS.bold, x: MARGIN.left + CONTENT_WIDTH * 0.55, width: CONTENT_WIDTH * 0.45 });
    layout.block(root, "P", "Document signé électroniquement", { size: 8.5, color: MUTED, font: FONTS.italic, x: MARGIN.left + CONTENT_WIDTH * 0.55, width: CONTENT_WIDTH * 0.45 });
  }

  drawFooters(pdf, doc);
  return finish(pdf);
}
