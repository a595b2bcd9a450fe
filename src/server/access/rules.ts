import type { Coding, Consent, RelatedPerson } from "@medplum/fhirtypes";
import { fhirExpiry, fhirStart } from "@/lib/dates/fhir-date";
import { SYSTEMS, type ConsentRule } from "@/lib/fhir/systems";
import { majorityStart } from "../children/majority";
import { isScope, type Scope } from "./scopes";
import { idOfReference } from "@/lib/fhir/reference-id";
import { capAtMeasures, chosenUnderMeasureOf } from "./measure-choices";

/**
 * One patient's rules, as the decision function reads them. Built by `rulesFromResources`
 * from the patient's active Consents and RelatedPersons, which are the stored form (FHIR data
 * the patient can read and export). Loaded fresh on every request.
 */
export type PatientRules = {
  patientId: string;
  authorisations: Authorisation[];
  blocked: ReadonlySet<string>;
  /** DocumentReference ids hidden from every professional. */
  hiddenDocuments: ReadonlySet<string>;
  /** Break-glass allowed. On unless the patient refused it. */
  emergencyAccess: boolean;
  /** Break-glass also opens restricted (R) documents. Off unless the patient chose it. */
  emergencyRestricted: boolean;
  /** The confidentiality given to documents added to the record from now on (the Swiss record's default level). */
  defaultConfidentiality: "N" | "R";
  /** Use of the data for research. Off unless the patient agreed. */
  research: boolean;
  /** The patient said yes or no to research (a research Consent): unset, research is off without her having refused it. */
  researchChosen?: boolean;
  delegations: Delegation[];
  /**
   * The holder closed her space (« Clôturer mon espace »): Code de la santé publique, art.
   * R1111-36, « À compter de la date de la clôture, les données contenues dans l'espace numérique
   * de santé sont archivées » — archived, read by no one until she asks for it to be reopened. Read
   * from the Patient's `active` (false from the closure, which only the system writes:
   * identity-changes.ts), so every path that reads the rules knows it with no query more.
   */
  closed?: true;
};

export type Authorisation = {
  consentId: string;
  practitionerId: string;
  /**
   * The first instant a time-limited grant no longer applies (a grant "until 30 June" runs to
   * 23:59:59.999 Paris time that day); none for a standing authorisation.
   */
  until?: Date;
  /** Whether restricted (R) documents are allowed to this professional. */
  restricted: boolean;
};

export type Delegation = {
  relatedPersonId: string;
  /** The Patient id of the guardian or delegate. */
  agentPatientId: string;
  kind: "guardian" | "delegate";
  scopes: ReadonlySet<Scope>;
  start?: Date;
  /** The first instant the delegation no longer applies: the day after its last day, 00:00 Paris. */
  end?: Date;
  /** False once revoked. */
  active: boolean;
  /**
   * Present when `end` is the patient's majority (it comes before any end date of its own): the
   * guardianship, or a delegation chosen during the minority, ends because the child came of age,
   * which the one who loses the space is told (lost-space.ts) rather than « retiré ou arrivé à sa
   * date de fin ».
   */
  endsAtMajority?: true;
  /**
   * The patient's majority, for a delegation that may have been chosen while she was a minor
   * (begun before the 18th birthday, or with no start to say when), so by the parental authority,
   * the only one who gives delegations in a child's space: until then the caregiver gets no more
   * of it than that authority has, nothing the minor keeps secret from her parents
   * (agent-decision.ts, MINOR_SECRET). No request takes a start off (delegation-widening.ts).
   */
  minorSecretKeptUntil?: Date;
  /**
   * A guardian's tie set by a judge's protection measure of an adult (SYSTEMS.protectionMeasure):
   * the decision's reference. Such a guardianship ends at the measure's last day (`end`) or when
   * the assistance records its end (active=false), never at a majority, and keeps no minor's
   * secret (agent-decision.ts). Set only by the assistance (access/measure-writes.ts).
   */
  measure?: { decision: string };
  /** A caregiver the representative chose under that measure (its tie's id): ends with it (measure-choices.ts). */
  chosenUnderMeasure?: string;
  /** Present when that measure, not the delegation's own terms, ends it (ended early, or its last day comes first). */
  endsWithMeasure?: true;
};

export function emptyRules(patientId: string): PatientRules {
  return {
    patientId,
    authorisations: [],
    blocked: new Set(),
    hiddenDocuments: new Set(),
    emergencyAccess: true,
    emergencyRestricted: false,
    defaultConfidentiality: "N",
    research: false,
    delegations: [],
  };
}

function hasRestrictedLabel(labels: Coding[] | undefined): boolean {
  return (labels ?? []).some((label) => label.code === "R");
}

export function consentRule(consent: Consent): ConsentRule | undefined {
  const code = consent.category
    ?.flatMap((c) => c.coding ?? [])
    .find((coding) => coding.system === SYSTEMS.consentRule)?.code;
  return code as ConsentRule | undefined;
}

/**
 * `birthDate` is the patient's (Patient.birthDate): a guardianship ends by itself at the
 * patient's majority (children/majority.ts), whatever end date its RelatedPerson carries, so
 * every path that reads the rules (decide(), resolveActor(), the list of spaces) stops it the
 * same instant. So does a caregiver's delegation that began before it: chosen in the child's
 * space by the parental authority, which ends that day, it is not the adult's choice (found by an
 * exploratory test of the demo: it went on for years after the 18th birthday); the young adult
 * invites again whom they choose. A delegation with no start is read as begun before it. Without
 * a birth date, a delegation ends only as its RelatedPerson says.
 */
export function rulesFromResources(
  patientId: string,
  consents: Consent[],
  relatedPersons: RelatedPerson[],
  patient: { birthDate?: string; active?: boolean } = {},
): PatientRules {
  const majority = majorityStart(patient.birthDate);
  const rules = emptyRules(patientId);
  const blocked = new Set<string>();
  const hidden = new Set<string>();
  // Consents are applied oldest first, so the latest emergency/research choice wins.
  const ordered = [...consents].sort((a, b) => (a.dateTime ?? "").localeCompare(b.dateTime ?? ""));
  for (const consent of ordered) {
    if (consent.status !== "active") continue;
    const provision = consent.provision;
    const permit = provision?.type === "permit";
    const practitionerId = idOfReference(provision?.actor?.[0]?.reference?.reference, "Practitioner");
    switch (consentRule(consent)) {
      case "authorise":
        if (practitionerId && permit && consent.id) {
          const end = provision?.period?.end;
          rules.authorisations.push({
            consentId: consent.id,
            practitionerId,
            until: fhirExpiry(end),
            restricted: hasRestrictedLabel(provision?.securityLabel),
          });
        }
        break;
      case "block":
        if (practitionerId) blocked.add(practitionerId);
        break;
      case "hide": {
        for (const data of provision?.data ?? []) {
          const documentId = idOfReference(data.reference?.reference, "DocumentReference");
          if (documentId) hidden.add(documentId);
        }
        break;
      }
      case "emergency":
        rules.emergencyAccess = permit;
        rules.emergencyRestricted = permit && hasRestrictedLabel(provision?.securityLabel);
        break;
      case "default-level":
        rules.defaultConfidentiality = hasRestrictedLabel(provision?.securityLabel) ? "R" : "N";
        break;
      case "research":
        rules.research = permit;
        rules.researchChosen = true;
        break;
      default:
        break;
    }
  }
  rules.blocked = blocked;
  rules.hiddenDocuments = hidden;
  if (patient.active === false) rules.closed = true;
  rules.delegations = capAtMeasures(relatedPersons.flatMap((person): Delegation[] => {
    // R4's RelatedPerson has no link to the agent's own Patient: an identifier carries its id.
    const agentPatientId = person.identifier?.find((id) => id.system === SYSTEMS.agentPatient)?.value;
    if (!person.id || !agentPatientId) return [];
    const guardian = (person.relationship ?? []).some((r) =>
      (r.coding ?? []).some((c) => c.system === SYSTEMS.roleCode && c.code === "GUARD"),
    );
    const scopes = new Set<Scope>(
      (person.extension ?? [])
        .filter((ext) => ext.url === SYSTEMS.delegationScope && ext.valueCode && isScope(ext.valueCode))
        .map((ext) => ext.valueCode as Scope),
    );
    const end = fhirExpiry(person.period?.end);
    const start = fhirStart(person.period?.start);
    const measure = guardian ? measureOf(person, start, end, majority) : undefined;
    if (measure) {
      return [{ relatedPersonId: person.id, agentPatientId, kind: "guardian" as const, scopes, start, end, active: person.active !== false, measure }];
    }
    // No start: read as begun during the minority, as minorSecretKeptUntil reads it. Every
    // delegation carries one since migration 20261224010000_delegation_start_from_first_version
    // (the time of its first version) and prepare-write.ts stamps one on create, so only a
    // resource written around those ends here, and it fails closed (found by the rules review:
    // older no-start delegations given in a child's space ran on past the 18th birthday).
    const endsAtMajority = guardian || (majority !== undefined && (start === undefined || start < majority));
    const chosenUnderMeasure = guardian ? undefined : chosenUnderMeasureOf(person);
    return [
      {
        relatedPersonId: person.id,
        agentPatientId,
        kind: guardian ? ("guardian" as const) : ("delegate" as const),
        scopes,
        start,
        end: endsAtMajority ? earliest(end, majority) : end,
        active: person.active !== false,
        ...(endsAtMajority && majority && (!end || majority <= end) ? { endsAtMajority: true as const } : {}),
        ...(majority && (start === undefined || start < majority) ? { minorSecretKeptUntil: majority } : {}),
        ...(chosenUnderMeasure ? { chosenUnderMeasure } : {}),
      },
    ];
  }));
  return rules;
}

/**
 * The protection measure a guardian's RelatedPerson records, when it is one the rules read as
 * such: a decision's reference, an end (a judge always sets one: Code civil art. 441 and 442,
 * art. 494-6 for the habilitation familiale) and a start on or after the patient's majority (a
 * measure of an adult: the command refuses a minor). Anything else carrying the mark is read as a
 * parent's guardianship, which ends at the majority and keeps the minor's secret: the stricter
 * reading, so a malformed or hand-written mark never makes a guardian outlive it.
 */
function measureOf(person: RelatedPerson, start: Date | undefined, end: Date | undefined, majority: Date | undefined): { decision: string } | undefined {
  const decision = person.extension?.find((ext) => ext.url === SYSTEMS.protectionMeasure)?.valueString?.trim();
  if (!decision || !end || !start) return undefined;
  if (majority && start < majority) return undefined;
  return { decision };
}

function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}
