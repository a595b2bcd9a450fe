/**
 * The code systems and extension URLs this portal writes into FHIR resources. One place, so the
 * seed, the rules and the pages agree on them.
 */
const BASE = "https://espace-sante.example/fhir";

export const SYSTEMS = {
  /** Delegation scopes on a RelatedPerson (extension valueCode, repeated). */
  delegationScope: `${BASE}/StructureDefinition/delegation-scope`,
  /** The Account id a Patient, Practitioner or RelatedPerson is bound to. */
  account: `${BASE}/sid/account`,
  /**
   * On a guardian's RelatedPerson (relationship GUARD): the judge's protection measure of an adult
   * with representation (tutelle, Code civil art. 440 al. 3; habilitation familiale générale with
   * representation, art. 494-1 ff.), extension valueString = the decision's reference as the
   * assistance typed it (« Jugement du juge des contentieux de la protection de Lyon, 12/03/2026,
   * RG 26/01234 »). Its presence is what tells such a representative from a parent: it ends at the
   * measure's end date, not at a majority, and sees what a minor would keep from her parents
   * (access/rules.ts). An extension rather than another RoleCode beside GUARD: it carries the
   * reference the adult reads on her page, and GUARD kept with it keeps every rule written for a
   * legal tie (it governs over a caregiver's delegation, no one in the portal changes it). Only the
   * assistance's command writes it (access/measure-writes.ts).
   */
  protectionMeasure: `${BASE}/StructureDefinition/protection-measure`,
  /**
   * On a caregiver's RelatedPerson: the protection measure under which the adult's representative
   * chose it for her (extension valueReference = RelatedPerson/<the measure's tie>). His choice
   * lasts no longer than his power to make it: the rules end it with that measure
   * (access/measure-choices.ts). Written by the system at the invitation's acceptance
   * (accept-invitation.ts), never changed by a request (access/measure-writes.ts).
   */
  chosenUnderMeasure: `${BASE}/StructureDefinition/chosen-under-measure`,
  /** On a RelatedPerson: the Patient id of the guardian or delegate it stands for. */
  agentPatient: `${BASE}/sid/agent-patient`,
  /** Our privacy labels in meta.security (besides HL7 confidentiality). */
  privacyLabel: `${BASE}/CodeSystem/privacy-label`,
  /** The kind of rule a Consent stores. */
  consentRule: `${BASE}/CodeSystem/consent-rule`,
  /** Identifier of a prescription (MedicationRequest.groupIdentifier). */
  prescription: `${BASE}/sid/prescription`,
  /**
   * On a MedicationRequest: its place among its prescription's lines as the prescriber wrote
   * them (extension valuePositiveInt, 1 for the first). The lines' ids are random UUIDs and a
   * line's versions change its meta, so nothing else in the resource keeps that order.
   */
  prescriptionLinePosition: `${BASE}/StructureDefinition/prescription-line-position`,
  /**
   * A conversation of the secure messaging: every Communication of it carries the same
   * identifier (system conversation, value a server-made UUID), indexed as its group.
   */
  conversation: `${BASE}/sid/conversation`,
  /** Prevention themes a person can silence (Consent.provision.code of a "prevention" rule). */
  preventionTheme: `${BASE}/CodeSystem/prevention-theme`,
  /** Document categories shown to the patient. */
  documentCategory: `${BASE}/CodeSystem/document-category`,
  /** French national health identifier (INS), as a demo system. */
  ins: "urn:oid:1.2.250.1.213.1.4.8",
  /** RPPS number of professionals. */
  rpps: "urn:oid:1.2.250.1.71.4.2.1",
  confidentiality: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
  roleCode: "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
  loinc: "http://loinc.org",
  /** WHO's ATC classification of medicines, what French packs and prescriptions carry. */
  atc: "http://www.whocc.no/atc",
} as const;

/** HL7 confidentiality: N normal, R restricted, V very restricted ("secret": the patient alone). */
export type Confidentiality = "N" | "R" | "V";

/** Label that a minor may put on a document to keep it from their guardians. */
export const MINOR_SECRET = "minor-secret";

/**
 * Kinds of rule a patient sets, each stored as one Consent (code in Consent.category):
 * - authorise: provision.type permit, provision.actor = the practitioner, provision.period.end optional,
 *   provision.securityLabel may hold "R" to allow restricted documents;
 * - block: provision.type deny, provision.actor = the practitioner;
 * - hide: provision.type deny, provision.data = the DocumentReference, for all professionals;
 * - emergency: provision.type permit or deny (break-glass allowed or refused); a permit whose
 *   provision.securityLabel holds "R" also opens restricted documents under break-glass;
 * - research: provision.type permit or deny;
 * - default-level: provision.type permit, provision.securityLabel "N" or "R": the confidentiality
 *   of documents added to the record from then on;
 * - prevention: provision.type deny: no prevention reminders, for the themes in provision.code
 *   (system preventionTheme), or for all of them when it names none. decide() does not read it.
 * A change of a choice is a new version of the same Consent (its history is the patient's
 * record of what they chose when); withdrawing an authorisation or a block sets it inactive.
 */
export const CONSENT_RULES = ["authorise", "block", "hide", "emergency", "research", "default-level", "prevention"] as const;
export type ConsentRule = (typeof CONSENT_RULES)[number];

export const DOCUMENT_CATEGORIES = ["lab", "imaging", "report", "prescription", "vaccination", "personal"] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
