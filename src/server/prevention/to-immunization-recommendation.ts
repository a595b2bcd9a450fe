import type { ImmunizationRecommendation, ImmunizationRecommendationRecommendation } from "@medplum/fhirtypes";
import { ATC_SYSTEM, PREVENTION_SYSTEM } from "./codes";
import type { Day } from "./days";
import type { PreventionItem, Status } from "./types";
import { productForKind } from "./vaccine-products";

/**
 * The engine's vaccination items as one FHIR ImmunizationRecommendation (screenings are not
 * vaccinations and are left out; so is what does not apply to the person). forecastStatus
 * carries HL7's code where one fits (R4 binds it by example) and always the engine's own.
 */
const HL7_STATUS: Partial<Record<Status, string>> = { DUE: "due", OVERDUE: "overdue", COMPLETE: "complete" };
const DUE_DATE = { coding: [{ system: "http://loinc.org", code: "30980-7", display: "Date vaccine due" }] };

export function toImmunizationRecommendation(patientId: string, date: Day, items: readonly PreventionItem[], authority: string): ImmunizationRecommendation {
  const recommendation = items.flatMap((item): ImmunizationRecommendationRecommendation[] => {
    if (!("vaccine" in item.records) || item.status === "NOT_APPLICABLE") return [];
    const product = productForKind(item.records.vaccine);
    const hl7 = HL7_STATUS[item.status];
    const when = item.status === "COMPLETE" ? item.next : item.due;
    return [
      {
        vaccineCode: [{ coding: product ? [{ system: ATC_SYSTEM, code: product.atc }] : [], text: item.label }],
        forecastStatus: {
          coding: [
            ...(hl7 ? [{ system: "http://terminology.hl7.org/CodeSystem/immunization-recommendation-status", code: hl7 }] : []),
            { system: `${PREVENTION_SYSTEM}-status`, code: item.status },
          ],
          text: item.status,
        },
        forecastReason: [{ coding: [{ system: PREVENTION_SYSTEM, code: item.item }], text: item.item }],
        ...(when ? { dateCriterion: [{ code: DUE_DATE, value: when }] } : {}),
        ...(item.dose ? { doseNumberPositiveInt: item.dose } : {}),
        description: item.reason,
        series: item.source.document,
      },
    ];
  });
  return {
    resourceType: "ImmunizationRecommendation",
    id: `${patientId}-${date}`,
    patient: { reference: `Patient/${patientId}` },
    date,
    authority: { display: authority },
    recommendation: recommendation.length > 0 ? recommendation : [{ forecastStatus: { text: "Aucune vaccination concernée" }, vaccineCode: [{ text: "—" }] }],
  };
}
