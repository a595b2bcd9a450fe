import type { PractitionerActor } from "./actor";
import { allow, deny, READS, type Decision, type Reason } from "./decision";
import type { Domain, Interaction, ResourceFacts } from "./facts";
import type { PatientRules } from "./rules";

export type PractitionerAccess = { ground: "authorised"; restricted: boolean } | { ground: "emergency" } | { ground: "none"; reason: Reason };

// The five answers, made once: practitionerAccess runs inside every decision about a professional,
// 48 times for each type a page searches (row-filter.ts), and building a new answer (and a new
// array of grants) each time was 8 % of what the professional's record allocated (issue 16).
const AUTHORISED: PractitionerAccess = Object.freeze({ ground: "authorised", restricted: false });
const AUTHORISED_RESTRICTED: PractitionerAccess = Object.freeze({ ground: "authorised", restricted: true });
const EMERGENCY: PractitionerAccess = Object.freeze({ ground: "emergency" });
const BLOCKED: PractitionerAccess = Object.freeze({ ground: "none", reason: "blocked" });
const NOT_AUTHORISED: PractitionerAccess = Object.freeze({ ground: "none", reason: "not-authorised" });

/** Whether a practitioner may see this patient at all, and on which ground. */
export function practitionerAccess(actor: PractitionerActor, rules: PatientRules, now: Date): PractitionerAccess {
  if (rules.blocked.has(actor.practitionerId)) return BLOCKED;
  // Authorised by any grant in date; restricted documents too if any of those grants opens them.
  let authorised = false;
  let restricted = false;
  for (const grant of rules.authorisations) {
    if (grant.practitionerId !== actor.practitionerId || (grant.until && !(now < grant.until))) continue;
    authorised = true;
    restricted ||= grant.restricted;
  }
  if (authorised) return restricted ? AUTHORISED_RESTRICTED : AUTHORISED;
  const emergency = actor.emergency;
  if (emergency && emergency.patientId === rules.patientId && now < emergency.until && rules.emergencyAccess) {
    return EMERGENCY;
  }
  return NOT_AUTHORISED;
}

export function practitionerMay(
  actor: PractitionerActor,
  interaction: Interaction,
  domain: Domain,
  resource: ResourceFacts,
  rules: PatientRules,
  now: Date,
): Decision {
  const access = practitionerAccess(actor, rules, now);
  if (access.ground === "none") return deny(access.reason);
  if (domain === "messages") return practitionerMessages(actor, interaction, resource, access.ground);
  if (domain === "privacy" || domain === "delegations" || domain === "audit") {
    return deny("not-allowed");
  }
  if (resource.confidentiality === "V") return deny("secret");
  // Restricted documents: to a professional authorised for them, or under break-glass when the
  // patient chose that emergency access includes them.
  const restrictedOpen = access.ground === "authorised" ? access.restricted : rules.emergencyRestricted;
  if (resource.confidentiality === "R" && !restrictedOpen) return deny("confidentiality");
  if (domain === "documents" && resource.id && rules.hiddenDocuments.has(resource.id)) return deny("hidden");
  const reason: Reason = access.ground === "emergency" ? "emergency" : "authorised";
  if (READS.has(interaction)) return allow(reason);
  // Writing into a record needs a standing authorisation or grant, not break-glass.
  if (access.ground !== "authorised") return deny("not-authorised");
  const self = `Practitioner/${actor.practitionerId}`;
  // A dispensation is recorded only through the pharmacist's link (linkMay), never by a
  // professional's account: nobody records "handed over" without holding the prescription.
  if (resource.resourceType === "MedicationDispense") return deny("not-allowed");
  // A prescription is its prescriber's: nobody else adds a line to it or moves one into it.
  if (resource.resourceType === "MedicationRequest" && (resource.prescriptionAuthors ?? []).some((author) => author !== self)) {
    return deny("not-author");
  }
  // A fully dispensed (or cancelled) prescription takes no new line: its links stay dead.
  if (resource.resourceType === "MedicationRequest" && interaction === "create" && resource.prescriptionClosed) return deny("prescription-closed");
  if (interaction === "create" && (domain === "documents" || domain === "prescriptions" || domain === "record")) {
    return allow(reason);
  }
  if ((interaction === "update" || interaction === "delete") && domain !== "profile") {
    return resource.author === self ? allow(reason) : deny("not-author");
  }
  return deny("not-allowed");
}

/**
 * Secure messaging, for a professional let in: only under a standing authorisation or a grant
 * in date (break-glass opens reading the record, never a conversation), and only the
 * conversations they take part in (each is between the patient's side and one professional:
 * ResourceFacts.participant). What a stored message may still become is message-changes.ts's.
 */
function practitionerMessages(
  actor: PractitionerActor,
  interaction: Interaction,
  resource: ResourceFacts,
  ground: "authorised" | "emergency",
): Decision {
  if (ground !== "authorised") return deny("not-authorised");
  if (resource.participant !== `Practitioner/${actor.practitionerId}`) return deny("not-participant");
  if (resource.confidentiality === "V") return deny("secret");
  if (READS.has(interaction) || interaction === "create" || interaction === "update") return allow("authorised");
  return deny("not-allowed");
}
