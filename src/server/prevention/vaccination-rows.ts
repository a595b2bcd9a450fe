import type { Immunization } from "@medplum/fhirtypes";
import { t } from "@/lib/i18n/messages";
import { parisDay } from "./days";
import { frDay } from "./evaluators/context";

/** One vaccination as the carnet's table and the certificate's PDF print it, in words. */
export type VaccinationRow = {
  id: string;
  /** « 10 novembre 2016 », or « Date inconnue ». */
  day: string;
  vaccine: string;
  /** The dose's number in its series, or « — ». */
  dose: string;
  lot: string;
  /** « Déclarée » (typed by the person or their representative) or « Enregistrée par un professionnel ». */
  origin: string;
};

/**
 * The vaccinations newest first, each in the words both the web page and the PDF show, so that
 * the paper certificate never says something the screen does not (one place for both).
 */
export function vaccinationRows(immunizations: readonly Immunization[]): VaccinationRow[] {
  return immunizations
    .map((immunization) => ({ immunization, sortDay: parisDay(immunization.occurrenceDateTime) ?? "" }))
    .sort((a, b) => b.sortDay.localeCompare(a.sortDay))
    .map(({ immunization, sortDay }) => ({
      id: immunization.id ?? "",
      day: sortDay ? frDay(sortDay) : t("prevention.table.unknownDate"),
      vaccine: immunization.vaccineCode?.text ?? immunization.vaccineCode?.coding?.[0]?.display ?? t("prevention.table.vaccine"),
      dose: String(immunization.protocolApplied?.[0]?.doseNumberPositiveInt ?? "—"),
      lot: immunization.lotNumber ?? "—",
      origin: immunization.primarySource === false ? t("prevention.table.declared") : t("prevention.table.recorded"),
    }));
}
