import type { PractitionerActor } from "./actor";
import { allow, deny, READS, type Decision, type Reason } from "./decision";
import type { Domain, Interaction, ResourceFacts } from "./facts";
import type { PatientRules } from "./rules";

/** Whether a practitioner may see this patient at all, and on which ground. */
export function practitionerAccess(
  actor: PractitionerActor,
  rules: PatientRules,
  now: Date,
): { ground: "authorised"; restricted: boolean } | { ground: "emergency" } | { ground: "none"; reason: Reason } {
  if (rules.blocked.has(actor.practitionerId)) return { ground: "none", reason: "blocked" };
  const grants = rules.authorisations.filter(
    (a) => a.practitionerId === actor.practitionerId && (!a.until || now < a.until),
  );
  if (grants.length > 0) return { ground: "authorised", restricted: grants.some((g) => g.restricted) };
  const emergency = actor.emergency;
  if (emergency && emergency.patientId === rules.patientId && now < emergency.until && rules.emergencyAccess) {
    return { ground: "emergency" };
  }
  return { ground: "none", reason: "not-authorised" };
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
