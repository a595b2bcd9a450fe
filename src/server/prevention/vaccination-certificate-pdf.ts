import "@/server/server-only";
import { formatDay } from "@/lib/documents/format";
import { formatHumanName } from "@/lib/fhir/human-name";
import { t } from "@/lib/i18n/messages";
import type { RequestScope } from "../documents/request-scope";
import { renderPdf, type PdfSection } from "../documents/render-pdf";
import { vaccinationCertificate } from "./vaccination-certificate";
import { vaccinationRows } from "./vaccination-rows";

/**
 * The certificate of vaccination as a PDF file, for a school, a nursery or an employer that asks
 * for one by e-mail: the same facts as the printable page (vaccination-certificate.ts), tagged
 * for screen readers (documents/tagged-pdf.ts), stating that no one signed it. Undefined when the
 * session acts in no patient's space or its delegation does not reach the vaccinations.
 */
export async function vaccinationCertificatePdf(scope: RequestScope): Promise<{ bytes: Uint8Array; fileName: string } | undefined> {
  const certificate = await vaccinationCertificate(scope);
  if (!certificate || "outOfReach" in certificate) return undefined;
  const { patient, issued } = certificate;
  const name = formatHumanName(patient.name) ?? "";
  const rows = vaccinationRows(certificate.immunizations);
  const vaccinations: PdfSection = rows.length
    ? {
        heading: t("prevention.certificate.tableCaption"),
        table: {
          columns: [
            { label: t("prevention.table.date"), width: 2.2 },
            { label: t("prevention.table.vaccine"), width: 4 },
            { label: t("prevention.table.dose"), width: 0.9 },
            { label: t("prevention.table.lot"), width: 1.6 },
            { label: t("prevention.table.origin"), width: 2.3 },
          ],
          rows: rows.map((row) => [row.day, row.vaccine, row.dose, row.lot, row.origin]),
        },
      }
    : { heading: t("prevention.certificate.tableCaption"), paragraphs: [t("prevention.table.empty")] };
  const bytes = await renderPdf({
    label: t("prevention.certificate.pdfLabel"),
    title: t("prevention.certificate.title"),
    // A birth date recorded in part (a year alone) is left out rather than printed as a day.
    patient: { name, birthDate: /^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate ?? "") ? patient.birthDate : undefined, gender: patient.gender },
    date: issued,
    author: t("prevention.certificate.pdfAuthor"),
    facility: { name: t("prevention.certificate.pdfIssuer") },
    sections: [vaccinations, { paragraphs: [t("prevention.certificate.note")] }],
    signature: null,
    footer: t("prevention.certificate.pdfFooter", { name, date: formatDay(issued) }),
  });
  return { bytes, fileName: `certificat-vaccination-${issued}.pdf` };
}
