import type { Consent, ConsentProvision, RelatedPerson } from "@medplum/fhirtypes";
import { SYSTEMS, type Confidentiality, type ConsentRule } from "@/lib/fhir/systems";
import type { Scope } from "@/server/access/scopes";
import { newId } from "./ids";

/**
 * A patient's rules in their stored form, exactly as src/server/access/rules.ts reads them:
 * one Consent per rule (category SYSTEMS.consentRule), one RelatedPerson per delegation.
 */

type RuleInput = { id?: string; patientId: string; dateTime?: string; status?: Consent["status"] };

const SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

function aConsent(input: RuleInput, rule: ConsentRule, provision: ConsentProvision): Consent {
  const research = rule === "research";
  return {
    resourceType: "Consent",
    id: input.id ?? newId(),
    status: input.status ?? "active",
    scope: { coding: [{ system: SCOPE_SYSTEM, code: research ? "research" : "patient-privacy" }] },
    category: [{ coding: [{ system: SYSTEMS.consentRule, code: rule }] }],
    patient: { reference: `Patient/${input.patientId}` },
    dateTime: input.dateTime ?? new Date().toISOString(),
    // FHIR requires a policy (ppc-1): opt-in for what the patient allows, opt-out for what they refuse.
    policyRule: { coding: [{ system: ACT_CODE, code: provision.type === "permit" ? "OPTIN" : "OPTOUT" }] },
    provision,
  };
}

const practitionerActor = (practitionerId: string): NonNullable<ConsentProvision["actor"]> => [
  {
    role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "PRCP", display: "primary information recipient" }] },
    reference: { reference: `Practitioner/${practitionerId}` },
  },
];

/** The patient authorises a professional: standing, or until `until`; `restricted` lets them see R documents. */
export function anAuthorisation(input: RuleInput & { practitionerId: string; until?: string; restricted?: boolean }): Consent {
  return aConsent(input, "authorise", {
    type: "permit",
    actor: practitionerActor(input.practitionerId),
    period: input.until ? { start: input.dateTime, end: input.until } : undefined,
    securityLabel: input.restricted ? [{ system: SYSTEMS.confidentiality, code: "R" }] : undefined,
  });
}

export function aBlock(input: RuleInput & { practitionerId: string }): Consent {
  return aConsent(input, "block", { type: "deny", actor: practitionerActor(input.practitionerId) });
}

/** Hides documents from every professional. */
export function aHiddenDocument(input: RuleInput & { documentIds: string[] }): Consent {
  return aConsent(input, "hide", {
    type: "deny",
    data: input.documentIds.map((id) => ({ meaning: "instance" as const, reference: { reference: `DocumentReference/${id}` } })),
  });
}

/** Break-glass allowed (`allowed: true`, with restricted documents when `restricted`) or refused. */
export function anEmergencyChoice(input: RuleInput & { allowed: boolean; restricted?: boolean }): Consent {
  return aConsent(input, "emergency", {
    type: input.allowed ? "permit" : "deny",
    securityLabel: input.allowed && input.restricted ? [{ system: SYSTEMS.confidentiality, code: "R" }] : undefined,
  });
}

/** The confidentiality given to documents added from now on. */
export function aDefaultLevel(input: RuleInput & { level: "N" | "R" }): Consent {
  return aConsent(input, "default-level", { type: "permit", securityLabel: [{ system: SYSTEMS.confidentiality, code: input.level }] });
}

export function aResearchChoice(input: RuleInput & { allowed: boolean }): Consent {
  return aConsent(input, "research", { type: input.allowed ? "permit" : "deny" });
}

type DelegationInput = {
  id?: string;
  /** The patient who delegates (whose space it opens). */
  patientId: string;
  /** The Patient id of the caregiver or guardian. */
  agentPatientId: string;
  agentName?: { given: string; family: string };
  scopes: readonly Scope[];
  start?: string;
  end?: string;
  active?: boolean;
  /** v3-RoleCode of the family tie (DAU, MTH, SONC…), besides GUARD for a guardian. */
  relationship?: { code: string; display: string };
  accountId?: string;
};

function aRelatedPerson(input: DelegationInput, guardian: boolean): RelatedPerson {
  const relationship: NonNullable<RelatedPerson["relationship"]> = [];
  if (guardian) relationship.push({ coding: [{ system: SYSTEMS.roleCode, code: "GUARD", display: "guardian" }], text: "Représentant légal" });
  if (input.relationship) relationship.push({ coding: [{ system: SYSTEMS.roleCode, ...input.relationship }] });
  if (!guardian && relationship.length === 0) relationship.push({ text: "Aidant" });
  const identifier: NonNullable<RelatedPerson["identifier"]> = [{ system: SYSTEMS.agentPatient, value: input.agentPatientId }];
  if (input.accountId) identifier.push({ system: SYSTEMS.account, value: input.accountId });
  return {
    resourceType: "RelatedPerson",
    id: input.id ?? newId(),
    active: input.active ?? true,
    identifier,
    patient: { reference: `Patient/${input.patientId}` },
    relationship,
    name: input.agentName ? [{ family: input.agentName.family, given: [input.agentName.given] }] : undefined,
    period: input.start || input.end ? { start: input.start, end: input.end } : undefined,
    extension: input.scopes.map((scope) => ({ url: SYSTEMS.delegationScope, valueCode: scope })),
  };
}

/** A caregiver acting for the patient with the scopes ticked, until `end`. */
export function aDelegation(input: DelegationInput): RelatedPerson {
  return aRelatedPerson(input, false);
}

/** A legal guardian of a minor (relationship GUARD). */
export function aGuardianship(input: DelegationInput): RelatedPerson {
  return aRelatedPerson(input, true);
}

/**
 * A judge's protection measure of an adult with representation (tutelle, habilitation familiale
 * générale): a guardianship marked with the decision's reference, from its start to its last day
 * (`end`, required by law: Code civil art. 441, 442, 494-6). Written only by the assistance's
 * command (delegations/grant-protection-measure.ts).
 */
export function aProtectionMeasure(input: DelegationInput & { decision: string; start: string; end: string }): RelatedPerson {
  const person = aRelatedPerson(input, true);
  return {
    ...person,
    relationship: [{ ...person.relationship![0]!, text: "Représentant légal (mesure de protection)" }, ...person.relationship!.slice(1)],
    extension: [...(person.extension ?? []), { url: SYSTEMS.protectionMeasure, valueString: input.decision }],
  };
}

/** The meta.security label for a confidentiality level. */
export function confidentialityLabel(level: Confidentiality) {
  return { system: SYSTEMS.confidentiality, code: level };
}
