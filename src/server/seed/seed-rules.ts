import "@/server/server-only";
import { SCOPES } from "../access/scopes";
import type { Repository } from "../fhir/repository";
import { daysFromNow, on, type SeedClock } from "./catalogue/plan";
import { aBlock, aDelegation, aGuardianship, aHiddenDocument, anAuthorisation, anEmergencyChoice, aResearchChoice } from "@/lib/fhir/builders/rules";
import { CONSENT_IDS, DOCUMENT_IDS, PATIENT_IDS, PRACTITIONER_IDS, RELATED_PERSON_IDS } from "@/lib/demo/personas";

/**
 * The personas' choices, stored as the rules parser reads them (src/server/access/rules.ts):
 * Camille and Jean authorise Dr Bernard (Camille also for restricted documents), Camille blocks
 * Dr Petit and hides her psychiatry consultation, Jean leaves emergency access on, Nadia refuses
 * research; Camille is Jean's caregiver (documents, prescriptions and writing to his professionals
 * in his name, not privacy) for about a year, and Léo's legal guardian.
 */
export async function seedRules(repo: Repository, clock: SeedClock): Promise<number> {
  const { camille, jean, leo, nadia } = PATIENT_IDS;
  const resources = [
    anAuthorisation({ id: CONSENT_IDS.camilleAuthorisesBernard, patientId: camille, practitionerId: PRACTITIONER_IDS.bernard, restricted: true, dateTime: on("2024-01-15", 20) }),
    aBlock({ id: CONSENT_IDS.camilleBlocksPetit, patientId: camille, practitionerId: PRACTITIONER_IDS.petit, dateTime: on("2024-01-15", 20) }),
    aHiddenDocument({ id: CONSENT_IDS.camilleHidesDocument, patientId: camille, documentIds: [DOCUMENT_IDS.camilleHidden], dateTime: on("2024-02-01", 21) }),
    anAuthorisation({ id: CONSENT_IDS.jeanAuthorisesBernard, patientId: jean, practitionerId: PRACTITIONER_IDS.bernard, dateTime: on("2024-01-20", 18) }),
    anEmergencyChoice({ id: CONSENT_IDS.jeanEmergencyOn, patientId: jean, allowed: true, dateTime: on("2024-01-20", 18) }),
    aResearchChoice({ id: CONSENT_IDS.nadiaRefusesResearch, patientId: nadia, allowed: false, dateTime: on("2024-03-01", 12) }),
    aDelegation({
      id: RELATED_PERSON_IDS.camilleForJean,
      patientId: jean,
      agentPatientId: camille,
      agentName: { given: "Camille", family: "Martin" },
      relationship: { code: "DAU", display: "natural daughter" },
      scopes: ["documents:read", "prescriptions:read", "prescriptions:share", "messages:write"],
      start: on("2024-01-20", 18),
      end: daysFromNow(clock, 365),
    }),
    aGuardianship({
      id: RELATED_PERSON_IDS.camilleForLeo,
      patientId: leo,
      agentPatientId: camille,
      agentName: { given: "Camille", family: "Martin" },
      relationship: { code: "MTH", display: "mother" },
      scopes: SCOPES,
      start: on("2016-09-10", 12),
      // Parental authority ends at the child's majority.
      end: on("2034-09-10", 0),
    }),
  ];
  // The personas' choices are their own: their history says « Vous avez autorisé … » to them
  // (the system writes the author its input names, prepare-write.ts).
  for (const resource of resources) {
    await repo.create(resource.resourceType === "Consent" && resource.patient ? { ...resource, meta: { ...resource.meta, author: resource.patient } } : resource);
  }
  return resources.length;
}
