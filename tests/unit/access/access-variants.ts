import { MINOR_SECRET } from "@/lib/fhir/systems";
import type { ResourceFacts } from "@/server/access/facts";
import { rulesFromResources, type PatientRules } from "@/server/access/rules";
import { aHiddenDocument } from "@/lib/fhir/builders/rules";
import type { Type, Variant } from "./access-spec";
import { PAT, PRO, PRO2, RX, RX_OTHER, type State } from "./access-states";

/** The resource variants of the truth table, and the facts and rules of each cell. */
export const DOC = "d0000000-0000-4000-8000-000000000001";

export const VARIANTS: Variant[] = [];
for (const confidentiality of ["N", "R", "V"] as const)
  for (const minorSecret of [false, true])
    for (const hidden of [false, true])
      for (const author of ["patient", "this-practitioner", "other-practitioner"] as const)
        for (const inLinkPrescription of [true, false]) VARIANTS.push({ confidentiality, minorSecret, hidden, author, inLinkPrescription });

const AUTHORS: Record<Variant["author"], string> = {
  patient: `Patient/${PAT}`,
  "this-practitioner": `Practitioner/${PRO}`,
  "other-practitioner": `Practitioner/${PRO2}`,
};

export function factsFor(type: Type, v: Variant): ResourceFacts {
  const labels = [...(v.confidentiality === "N" ? [] : [v.confidentiality]), ...(v.minorSecret ? [MINOR_SECRET] : [])];
  return {
    resourceType: type,
    id: DOC,
    patientId: type === "Practitioner" ? undefined : PAT,
    confidentiality: v.confidentiality,
    labels,
    author: AUTHORS[v.author],
    prescriptionId: v.inLinkPrescription ? RX : RX_OTHER,
  };
}

export function rulesOf(state: State, hidden: boolean): PatientRules {
  const consents = hidden ? [...state.consents, aHiddenDocument({ patientId: PAT, documentIds: [DOC] })] : state.consents;
  return rulesFromResources(PAT, consents, state.relatedPersons);
}

