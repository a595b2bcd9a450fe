import type { NamedPrescription } from "@/server/prescriptions/read-prescriptions";
import { formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import { DispensationsTable } from "./dispensations-table";
import { PrescriptionFacts, StateBadge, prescriptionTitle } from "./prescription-facts";
import { PrescriptionLines } from "./prescription-lines";

/** One prescription in the list: everything the patient needs at a glance, and a link to its page. */
export function PrescriptionSummary({ prescription, href }: { prescription: NamedPrescription; href: string }) {
  const headingId = `ordonnance-${prescription.id}`;
  const title = prescriptionTitle(prescription);
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          <a href={href} className="text-blue-800 underline-offset-4 hover:underline">
            {title}
          </a>
        </h3>
        <StateBadge state={prescription.state} />
      </header>
      <PrescriptionFacts prescription={prescription} />
      <PrescriptionLines lines={prescription.lines} captionId={`${headingId}-lignes`} />
      <DispensationsTable dispensations={prescription.dispensations} headingLevel={4} />
      <p>
        <a href={href} className="font-semibold">
          {prescription.authoredOn ? t("prescriptions.openNamed", { date: formatDay(prescription.authoredOn) }) : t("prescriptions.open")}
        </a>
      </p>
    </article>
  );
}
