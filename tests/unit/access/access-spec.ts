import type { Reason } from "@/server/access/decision";
import type { Interaction } from "@/server/access/facts";
import type { Scope } from "@/server/access/scopes";

/**
 * The access rules of issue 3, restated as simply as possible and independently of
 * src/server/access/decide.ts (no import of it, no shared helper), so the truth table compares
 * two separate statements of the same rules. Actor states are described by plain facts
 * ("the delegation is live", "the practitioner is blocked"), not by stored data: which stored
 * data gives which facts is written by hand beside each state in the table test.
 */
export const TYPES = [
  "DocumentReference",
  "Binary",
  "MedicationRequest",
  "MedicationDispense",
  "Immunization",
  "Consent",
  "RelatedPerson",
  "AuditEvent",
  "Patient",
  "Practitioner",
] as const;
export type Type = (typeof TYPES)[number];

export const INTERACTIONS = ["read", "search", "history", "create", "update", "delete", "share", "dispense"] as const satisfies readonly Interaction[];

/** How the patient (the owner of the compartment) may act on their own resources. */
const READS: readonly Interaction[] = ["read", "search", "history"];
const OWNER: Record<Type, readonly Interaction[]> = {
  DocumentReference: [...READS, "create", "update", "delete"],
  Binary: [...READS, "create", "update", "delete"],
  MedicationRequest: [...READS, "share"],
  MedicationDispense: READS,
  Immunization: [...READS, "create"],
  Consent: [...READS, "create", "update", "delete"],
  RelatedPerson: [...READS, "create", "update", "delete"],
  AuditEvent: READS,
  Patient: [...READS, "update"],
  Practitioner: READS,
};
/** Types whose update/delete the owner loses when a professional wrote the resource. */
const PRO_AUTHORED_IS_FINAL: ReadonlySet<Type> = new Set(["DocumentReference", "Binary"]);

/**
 * The scopes a delegate needs, any one of them sufficing; "free" when any live delegation
 * suffices, "never" when no scope does.
 */
function delegateNeeds(type: Type, interaction: Interaction): Scope | readonly Scope[] | "free" | "never" {
  const read = READS.includes(interaction);
  switch (type) {
    case "DocumentReference":
    case "Binary":
      return read ? "documents:read" : "documents:write";
    case "MedicationRequest":
    case "MedicationDispense":
      if (read) return "prescriptions:read";
      return interaction === "share" ? "prescriptions:share" : "never";
    case "Immunization":
      return read ? "record:read" : "never";
    case "Consent":
      return "privacy:manage";
    case "AuditEvent":
      // Who looked at the record: its own right, and also part of managing the sharing settings.
      return ["audit:read", "privacy:manage"];
    case "RelatedPerson":
      // A caregiver never writes delegations (no scope allows it); reading them is privacy's.
      return read ? "privacy:manage" : "never";
    case "Patient":
      return read ? "free" : "privacy:manage";
    case "Practitioner":
      return "never";
  }
}

/** What a professional may see and write in a patient's record, when let in. */
const PRO_SEES: ReadonlySet<Type> = new Set(["DocumentReference", "Binary", "MedicationRequest", "MedicationDispense", "Immunization", "Patient"]);
/** A dispensation is the pharmacist's, through the link: never a professional's account's. */
const PRO_WRITES: ReadonlySet<Type> = new Set(["DocumentReference", "Binary", "MedicationRequest", "Immunization"]);

/** A guardian's or delegate's standing: in the space of the resource, delegation live, scopes ticked. */
export type AgentFacts = {
  ownSpace: boolean;
  live: boolean;
  scopes: readonly Scope[];
  /** A representative of an adult under a judge's protection measure: no minor's secret kept from him. */
  adultMeasure?: boolean;
};

export type Who =
  | { kind: "system" }
  | { kind: "patient"; ownSpace: boolean }
  | ({ kind: "guardian" | "delegate" } & AgentFacts)
  | { kind: "practitioner"; blocked: boolean; authorised: boolean; restricted: boolean; emergency: boolean; emergencyRestricted: boolean }
  | { kind: "link"; ownSpace: boolean };

/** The facts of the resource, relative to the actor. */
export type Variant = {
  confidentiality: "N" | "R" | "V";
  minorSecret: boolean;
  hidden: boolean;
  author: "patient" | "this-practitioner" | "other-practitioner";
  inLinkPrescription: boolean;
};

export type Expected = { allow: true; reason: Reason } | { allow: false; reasons: Reason[] };

/** Every reason that applies to a refusal; decide() must answer one of them. */
export function expected(who: Who, type: Type, interaction: Interaction, v: Variant): Expected {
  if (who.kind === "system") return { allow: true, reason: "system" };
  if (type === "Practitioner") {
    return READS.includes(interaction) ? { allow: true, reason: "directory" } : { allow: false, reasons: ["read-only"] };
  }
  const failures: Reason[] = [];
  const fail = (condition: boolean, ...reasons: Reason[]) => {
    if (condition) failures.push(...reasons);
  };
  const ownerFailures = () => {
    fail(!OWNER[type].includes(interaction), "not-allowed", "read-only");
    fail(
      PRO_AUTHORED_IS_FINAL.has(type) && (interaction === "update" || interaction === "delete") && v.author !== "patient",
      "not-author",
    );
  };
  const result = (allowReason: Reason): Expected => (failures.length === 0 ? { allow: true, reason: allowReason } : { allow: false, reasons: failures });

  switch (who.kind) {
    case "patient":
      fail(!who.ownSpace, "other-patient");
      ownerFailures();
      return result("own-space");
    case "guardian":
      fail(!who.ownSpace, "other-patient");
      fail(!who.live, "delegation-inactive");
      fail(v.minorSecret && !who.adultMeasure, "minor-secret");
      ownerFailures();
      return result("guardian");
    case "delegate": {
      fail(!who.ownSpace, "other-patient");
      fail(!who.live, "delegation-inactive");
      fail(v.confidentiality === "V", "secret");
      const needs = delegateNeeds(type, interaction);
      const held = (scope: Scope) => who.scopes.includes(scope);
      fail(needs === "never" || (needs !== "free" && !(typeof needs === "string" ? held(needs) : needs.some(held))), "scope-missing");
      ownerFailures();
      return result("delegation");
    }
    case "practitioner": {
      fail(who.blocked, "blocked");
      fail(!who.authorised && !who.emergency, "not-authorised");
      fail(!PRO_SEES.has(type), "not-allowed");
      fail(v.confidentiality === "V", "secret");
      // Restricted documents open to an authorisation that includes them, or, with no
      // authorisation, to break-glass when the patient chose that emergency access includes them.
      fail(v.confidentiality === "R" && !(who.authorised ? who.restricted : who.emergencyRestricted), "confidentiality");
      fail(v.hidden && (type === "DocumentReference" || type === "Binary"), "hidden");
      if (!READS.includes(interaction)) {
        // Writing needs an authorisation; break-glass only opens reading.
        fail(!who.authorised, "not-authorised");
        fail(interaction === "share" || interaction === "dispense" || !PRO_WRITES.has(type), "not-allowed");
        fail((interaction === "update" || interaction === "delete") && v.author !== "this-practitioner", "not-author");
      }
      return result(who.authorised ? "authorised" : "emergency");
    }
    case "link": {
      fail(!who.ownSpace, "other-patient");
      const prescription = type === "MedicationRequest" || type === "MedicationDispense";
      if (type === "Patient") fail(!READS.includes(interaction), "outside-link");
      else if (!prescription || !v.inLinkPrescription) fail(true, "outside-link");
      else if (!READS.includes(interaction)) {
        const mayWrite =
          (type === "MedicationRequest" && interaction === "dispense") || (type === "MedicationDispense" && interaction === "create");
        fail(!mayWrite, "outside-link");
      }
      return result("share-link");
    }
  }
}
