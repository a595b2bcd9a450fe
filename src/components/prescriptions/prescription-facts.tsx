import { formatDay } from "@/lib/documents/format";
import { t } from "@/lib/i18n/messages";
import type { NamedPrescription } from "@/server/prescriptions/read-prescriptions";

/** Prescriber, date, validity and state, as a description list; the state is written, never only coloured. */
export function PrescriptionFacts({ prescription }: { prescription: NamedPrescription }) {
  // « Était valable » once that day is over, whatever the state: a prescription dispensed in full
  // last week read « Était valable jusqu'au » a day still to come (found by an exploratory test).
  const past = prescription.state === "expired" || prescription.validityOver;
  return (
    // The terms' weight set once on the list, not on each term (issue 16: a class is a string encoded per view).
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr] [&>dt]:font-semibold">
      <dt>{t("prescriptions.prescriber")}</dt>
      <dd>{prescription.prescriber ?? t("prescriptions.unknownPrescriber")}</dd>
      <dt>{t("prescriptions.authoredOn")}</dt>
      <dd>{prescription.authoredOn ? <time dateTime={prescription.authoredOn}>{formatDay(prescription.authoredOn)}</time> : "—"}</dd>
      {prescription.validUntil ? (
        <>
          <dt>{past ? t("prescriptions.validUntilPast") : t("prescriptions.validUntil")}</dt>
          <dd>
            <time dateTime={prescription.validUntil}>{formatDay(prescription.validUntil)}</time>
          </dd>
        </>
      ) : null}
      {prescription.note ? (
        <>
          <dt>{t("prescriptions.note")}</dt>
          <dd className="whitespace-pre-line">{prescription.note}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function StateBadge({ state }: { state: NamedPrescription["state"] }) {
  const tone = state === "active" ? "border-green-800 text-green-900 bg-green-50" : "border-slate-600 text-slate-800 bg-slate-100";
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-semibold ${tone}`}>{t(`prescriptions.states.${state}`)}</span>;
}

export function prescriptionTitle(prescription: NamedPrescription): string {
  return prescription.authoredOn ? t("prescriptions.heading", { date: formatDay(prescription.authoredOn) }) : t("prescriptions.headingUndated");
}
