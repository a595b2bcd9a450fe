import type { Observation } from "@medplum/fhirtypes";
import { MEASURES } from "./growth-measures";
import type { GrowthMeasure } from "./growth-reference";

/**
 * A growth measure as a FHIR vital sign (the R4 vital-signs profile: category vital-signs, the
 * measure's LOINC code, a UCUM quantity), of one Paris day. Pure: used by the form's use case,
 * the demo seed and the tests.
 */
export function growthObservation(patientId: string, measure: GrowthMeasure, value: number, day: string, performer: string): Observation {
  const info = MEASURES[measure];
  return {
    resourceType: "Observation",
    status: "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs", display: "Vital Signs" }] }],
    code: { coding: [{ system: "http://loinc.org", code: info.loinc, display: info.display }], text: info.label },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: day,
    performer: [{ reference: performer }],
    valueQuantity: { value, unit: info.unit.display, system: "http://unitsofmeasure.org", code: info.unit.code },
  };
}
