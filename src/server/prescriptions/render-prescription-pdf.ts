import "@/server/server-only";
import { formatDay } from "@/lib/documents/format";
import { grammaticalSex } from "@/lib/fhir/grammatical-sex";
import { t } from "@/lib/i18n/messages";
import { agreeWith } from "@/lib/i18n/plural";
import { A4, createTaggedPdf, drawImage, drawText, finish, nextPage, printable, rgb, widthOf, type Colour, type Doc, type Font, type Struct } from "../documents/tagged-pdf";
import type { NamedPrescription } from "./read-prescriptions";

/**
 * A prescription as an A4 PDF carrying its QR code (top right): prescriber, patient, date and
 * validity, each medicine with its dosage, quantity and renewals, and what was dispensed.
 * In the embedded fonts of documents/pdf-fonts.ts, so the patient's and the medicines' names
 * print as written; only a character those fonts lack becomes "?", never an exception.
 *
 * Tagged (documents/tagged-pdf.ts), so a screen reader reads it in order: the heading
 * "Ordonnance", the prescriber, date and patient as paragraphs, the QR code as a figure whose
 * alternative text gives its address, the medicines as a list (one item per medicine: its name,
 * dosage and quantities), then "Remarque" and "Délivrances" as headings of what follows them.
 */
export type PrescriptionPdf = {
  prescription: NamedPrescription;
  patient: { name: string; birthDate?: string; gender?: string };
  /** The QR code as PNG, and the address it encodes (for its alternative text). */
  qr: { png: Uint8Array; text: string };
};

const LEFT = 50;
const RIGHT = A4.width - 50;
const QR_SIZE = 110;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.44);
const ACCENT = rgb(0.0, 0.36, 0.47);

type LineOptions = { size?: number; bold?: boolean; color?: Colour; x?: number; width?: number };

class Writer {
  y = A4.height - 50;
  constructor(readonly doc: Doc) {}

  /** Draws the text, wrapped to the width; called inside the structure element it belongs to. */
  line(text: string, options: LineOptions = {}) {
    const size = options.size ?? 10.5;
    const font: Font = options.bold ? "Bold" : "Regular";
    const x = options.x ?? LEFT;
    const width = options.width ?? RIGHT - x;
    let current = "";
    const flush = () => {
      if (this.y < 60) {
        nextPage(this.doc);
        this.y = A4.height - 50;
      }
      drawText(this.doc, current, x, this.y - size, { font, size, colour: options.color ?? INK });
      this.y -= size + 4;
      current = "";
    };
    for (const word of printable(text).split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && widthOf(this.doc, candidate, font, size) > width) flush();
      current = current ? `${current} ${word}` : word;
    }
    if (current) flush();
  }

  /** The text as a structure element of its own (P, H1, H2...) under `parent`. */
  block(parent: Struct, type: string, text: string, options: LineOptions = {}) {
    parent.add(this.doc.struct(type, {}, () => this.line(text, options)));
  }
}

export async function renderPrescriptionPdf({ prescription, patient, qr }: PrescriptionPdf): Promise<Uint8Array> {
  const { doc, root } = createTaggedPdf({ title: `Ordonnance - ${patient.name}` });
  const w = new Writer(doc);

  const textWidth = RIGHT - LEFT - QR_SIZE - 20;
  w.block(root, "H1", "ORDONNANCE", { size: 9, bold: true, color: ACCENT, width: textWidth });
  w.block(root, "P", prescription.prescriber ?? "Prescripteur non renseigné", { size: 15, bold: true, width: textWidth });
  if (prescription.authoredOn) w.block(root, "P", `Le ${formatDay(prescription.authoredOn)}`, { width: textWidth });
  w.y -= 6;
  w.block(root, "P", `Patient : ${patient.name}${patient.birthDate ? `, ${t(`prescriptionPage.bornOn.${grammaticalSex(patient.gender)}`, { date: formatDay(patient.birthDate) })}` : ""}`, { width: textWidth });
  if (prescription.validUntil) w.block(root, "P", `Valable jusqu'au ${formatDay(prescription.validUntil)}`, { width: textWidth, color: MUTED });
  // Drawn top right of the first page, read after who and for whom: it is the way back to this
  // prescription online, which the alternative text says in words a screen reader can follow.
  root.add(
    doc.struct("Figure", { alt: `QR code de cette ordonnance, vers son adresse dans l'espace santé : ${qr.text}` }, () =>
      drawImage(doc, Buffer.from(qr.png), { x: RIGHT - QR_SIZE, y: A4.height - 40 - QR_SIZE, width: QR_SIZE, height: QR_SIZE }),
    ),
  );
  w.y = Math.min(w.y, A4.height - 50 - QR_SIZE) - 16;

  const medicines = doc.struct("L");
  root.add(medicines);
  for (const line of prescription.lines) {
    const item = doc.struct("LI");
    const body = doc.struct("LBody");
    medicines.add(item);
    item.add(body);
    w.block(body, "P", line.medication, { bold: true, size: 11.5 });
    for (const dosage of line.dosage) w.block(body, "P", dosage, { x: LEFT + 14 });
    w.block(body, "P", `${line.quantityPerFill} ${agreeWith(line.quantityPerFill, line.unit)} par délivrance - renouvellements restants : ${line.renewalsLeft} - délivré : ${line.dispensedQuantity} sur ${line.totalQuantity}`, { x: LEFT + 14, color: MUTED, size: 9.5 });
    // The pharmacy reads the printed page too: a line not to be handed over today says so here as on the screen.
    if (line.startsOn) w.block(body, "P", t("prescriptions.lineStartsOn", { date: formatDay(line.startsOn) }), { x: LEFT + 14, size: 9.5 });
    if (line.endedOn) w.block(body, "P", t("prescriptions.lineEndedOn", { date: formatDay(line.endedOn) }), { x: LEFT + 14, size: 9.5 });
    w.y -= 6;
  }
  if (prescription.note) {
    w.block(root, "H2", "Remarque", { bold: true });
    w.block(root, "P", prescription.note);
  }
  if (prescription.dispensations.length > 0) {
    w.y -= 6;
    w.block(root, "H2", "Délivrances", { bold: true, color: ACCENT });
    const dispensations = doc.struct("L");
    root.add(dispensations);
    for (const d of prescription.dispensations) {
      const when = d.when ? formatDay(d.when) : "";
      const item = doc.struct("LI");
      dispensations.add(item);
      w.block(item, "LBody", `${when} - ${d.pharmacy ?? "Pharmacie non renseignée"} - ${d.medication} : ${d.quantity} ${agreeWith(d.quantity, d.unit)}${d.partial ? ` (${t("prescriptions.partial")})` : ""}`, { size: 9.5 });
    }
  }
  return finish(doc);
}
