import "@/server/server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDay } from "@/lib/documents/format";
import { grammaticalSex } from "@/lib/fhir/grammatical-sex";
import { t } from "@/lib/i18n/messages";
import type { NamedPrescription } from "./read-prescriptions";
import { agreeWith } from "@/lib/i18n/plural";

/**
 * A prescription as an A4 PDF carrying its QR code (top right): prescriber, patient, date and
 * validity, each medicine with its dosage, quantity and renewals, and what was dispensed.
 * Standard Helvetica (no embedding); characters its WinAnsi encoding lacks become "?", never
 * an exception.
 */
export type PrescriptionPdf = {
  prescription: NamedPrescription;
  patient: { name: string; birthDate?: string; gender?: string };
  qrPng: Uint8Array;
};

const A4 = { width: 595.28, height: 841.89 };
const LEFT = 50;
const RIGHT = A4.width - 50;
const QR_SIZE = 110;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.44);
const ACCENT = rgb(0.0, 0.36, 0.47);

class Writer {
  page: PDFPage;
  y = A4.height - 50;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly charset: ReadonlySet<number>,
  ) {
    this.page = pdf.addPage([A4.width, A4.height]);
  }

  clean(text: string): string {
    let out = "";
    for (const char of text.normalize("NFC").replace(/[\u00a0\u202f\u2009]/g, " ").replace(/[\u2019]/g, "'")) {
      out += this.charset.has(char.codePointAt(0) ?? 0) || char === " " ? char : "?";
    }
    return out;
  }

  line(text: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; x?: number; width?: number } = {}) {
    const size = options.size ?? 10.5;
    const font = options.bold ? this.bold : this.font;
    const x = options.x ?? LEFT;
    const width = options.width ?? RIGHT - x;
    let current = "";
    const flush = () => {
      if (this.y < 60) {
        this.page = this.pdf.addPage([A4.width, A4.height]);
        this.y = A4.height - 50;
      }
      this.page.drawText(current, { x, y: this.y - size, size, font, color: options.color ?? INK });
      this.y -= size + 4;
      current = "";
    };
    for (const word of this.clean(text).split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && font.widthOfTextAtSize(candidate, size) > width) flush();
      current = current ? `${current} ${word}` : word;
    }
    if (current) flush();
  }
}

export async function renderPrescriptionPdf({ prescription, patient, qrPng }: PrescriptionPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Ordonnance - ${patient.name}`);
  pdf.setLanguage("fr-FR");
  pdf.setProducer("Mon espace santé (démonstration)");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(pdf, font, bold, new Set(font.getCharacterSet()));

  const qr = await pdf.embedPng(qrPng);
  w.page.drawImage(qr, { x: RIGHT - QR_SIZE, y: A4.height - 40 - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  const textWidth = RIGHT - LEFT - QR_SIZE - 20;
  w.line("ORDONNANCE", { size: 9, bold: true, color: ACCENT, width: textWidth });
  w.line(prescription.prescriber ?? "Prescripteur non renseigné", { size: 15, bold: true, width: textWidth });
  if (prescription.authoredOn) w.line(`Le ${formatDay(prescription.authoredOn)}`, { width: textWidth });
  w.y -= 6;
  w.line(`Patient : ${patient.name}${patient.birthDate ? `, ${t(`prescriptionPage.bornOn.${grammaticalSex(patient.gender)}`, { date: formatDay(patient.birthDate) })}` : ""}`, { width: textWidth });
  if (prescription.validUntil) w.line(`Valable jusqu'au ${formatDay(prescription.validUntil)}`, { width: textWidth, color: MUTED });
  w.y = Math.min(w.y, A4.height - 50 - QR_SIZE) - 16;

  for (const line of prescription.lines) {
    w.line(line.medication, { bold: true, size: 11.5 });
    for (const dosage of line.dosage) w.line(dosage, { x: LEFT + 14 });
    w.line(`${line.quantityPerFill} ${agreeWith(line.quantityPerFill, line.unit)} par délivrance - renouvellements restants : ${line.renewalsLeft} - délivré : ${line.dispensedQuantity} sur ${line.totalQuantity}`, { x: LEFT + 14, color: MUTED, size: 9.5 });
    w.y -= 6;
  }
  if (prescription.note) {
    w.line("Remarque", { bold: true });
    w.line(prescription.note);
  }
  if (prescription.dispensations.length > 0) {
    w.y -= 6;
    w.line("Délivrances", { bold: true, color: ACCENT });
    for (const d of prescription.dispensations) {
      const when = d.when ? formatDay(d.when) : "";
      w.line(`${when} - ${d.pharmacy ?? "Pharmacie non renseignée"} - ${d.medication} : ${d.quantity} ${agreeWith(d.quantity, d.unit)}${d.partial ? " (partielle)" : ""}`, { size: 9.5 });
    }
  }
  return pdf.save({ useObjectStreams: true });
}
