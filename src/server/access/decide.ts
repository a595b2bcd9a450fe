import type { Actor, DelegateActor, GuardianActor, PractitionerActor } from "./actor";
import { domainOf, type Domain, type Interaction, type ResourceFacts } from "./facts";
import { applicableDelegation } from "./applicable-delegation";
import type { Delegation, PatientRules } from "./rules";
import type { Scope } from "./scopes";
import { MINOR_SECRET } from "@/lib/fhir/systems";

/**
 * The one place that says who may do what. Pure: no I/O, no clock (`now` is given), so it is
 * tested as a truth table and cheap enough to run on every row.
 *
 * `rules` are the rules of the patient whose compartment holds the resource (undefined for
 * directory resources, which belong to no patient). A denial's reason is for the audit trail;
 * callers answer 404 whatever it is, so the reason never tells an outsider what exists.
 */
export type Decision = { allow: true; reason: Reason } | { allow: false; reason: Reason };

export type Reason =
  | "system"
  | "own-space"
  | "guardian"
  | "delegation"
  | "authorised"
  | "emergency"
  | "directory"
  | "share-link"
  | "unsupported-type"
  | "other-patient"
  | "not-allowed"
  | "read-only"
  | "not-author"
  | "minor-secret"
  | "secret"
  | "delegation-inactive"
  | "scope-missing"
  | "blocked"
  | "not-authorised"
  | "hidden"
  | "confidentiality"
  | "outside-link"
  | "prescription-closed"
  // A professional and a conversation of the patient's they take no part in.
  | "not-participant"
  // A stored message changes only by a read receipt or its sender's withdrawal (message-changes.ts).
  | "message-immutable"
  | "not-sender"
  | "withdraw-late"
  // Writes by someone acting for the patient that would touch their own rights (agent-writes.ts).
  | "self-delegation"
  | "guardian-tie"
  | "scope-widening"
  | "end-widening"
  | "self-rule"
  | "birth-date"
  // A delegation given or widened by a request rather than after the pause (delegation-widening.ts).
  | "delegation-pause";

/**
 * Whether decide() reads the patient's rules for this actor. The patient in their own space, a
 * link holder and the system are decided on the resource alone (their branches below never
 * look at `rules`), so the repository does not load them: one query fewer on the reads and
 * searches a patient makes of their own record, the most frequent of all.
 * tests/unit/access/decision-reads-rules.test.ts checks that rules change nothing for them.
 */
export function decisionReadsRules(actor: Actor): boolean {
  return actor.kind === "guardian" || actor.kind === "delegate" || actor.kind === "practitioner";
}

const allow = (reason: Reason): Decision => ({ allow: true, reason });
const deny = (reason: Reason): Decision => ({ allow: false, reason });

const READS: ReadonlySet<Interaction> = new Set(["read", "search", "history"]);

export function decide(
  actor: Actor,
  interaction: Interaction,
  resource: ResourceFacts,
  rules: PatientRules | undefined,
  now: Date,
): Decision {
  if (actor.kind === "system") return allow("system");
  const domain = domainOf(resource.resourceType);
  if (!domain) return deny("unsupported-type");

  if (domain === "directory") {
    // Directory entries (professionals, pharmacies) are public to every signed-in actor and to
    // a link holder (the prescriber's name); only the system writes them.
    return READS.has(interaction) ? allow("directory") : deny("read-only");
  }
  if (!resource.patientId || !rules || rules.patientId !== resource.patientId) return deny("other-patient");

  switch (actor.kind) {
    case "patient":
      if (actor.patientId !== resource.patientId) return deny("other-patient");
      return ownerMay(interaction, domain, resource);
    case "guardian":
      return guardianMay(actor, interaction, domain, resource, rules, now);
    case "delegate":
      return delegateMay(actor, interaction, domain, resource, rules, now);
    case "practitioner":
      return practitionerMay(actor, interaction, domain, resource, rules, now);
    case "link":
      if (actor.patientId !== resource.patientId) return deny("other-patient");
      return linkMay(actor.prescriptionId, interaction, domain, resource);
  }
}

/** What the patient may do in their own space (a guardian or delegate at most the same). */
function ownerMay(interaction: Interaction, domain: Domain, resource: ResourceFacts): Decision {
  if (READS.has(interaction)) return allow("own-space");
  switch (domain) {
    case "documents":
      if (interaction === "create") return allow("own-space");
      // A patient may change or delete what they (or someone acting for them) uploaded, never
      // what a professional wrote.
      if (interaction === "update" || interaction === "delete") {
        return resource.author?.startsWith("Practitioner/") ? deny("not-author") : allow("own-space");
      }
      return deny("not-allowed");
    case "prescriptions":
      return interaction === "share" && resource.resourceType === "MedicationRequest" ? allow("own-space") : deny("not-allowed");
    case "privacy":
    case "delegations":
      return interaction === "create" || interaction === "update" || interaction === "delete"
        ? allow("own-space")
        : deny("not-allowed");
    case "profile":
      return interaction === "update" ? allow("own-space") : deny("not-allowed");
    case "messages":
      // Writing a message, and the two changes a stored one takes (a read receipt, a withdrawal
      // by its sender: message-changes.ts); never a deletion, the conversation is a record.
      return interaction === "create" || interaction === "update" ? allow("own-space") : deny("not-allowed");
    case "record":
      // Patients may add their own vaccinations, allergies and measurements.
      return interaction === "create" ? allow("own-space") : deny("not-allowed");
    case "audit":
      return deny("read-only");
    case "directory":
      return deny("read-only");
  }
}

/**
 * The agent's delegation, if it is the one that applies to them now. When the patient's rules
 * name the person more than once, applicableDelegation() picks one by a stated rule (the same
 * rule resolveActor() used), so an actor built from another of their rows, older or narrower or
 * broader, is refused rather than decided on whichever row came first.
 */
function actingDelegation(
  rules: PatientRules,
  actor: GuardianActor | DelegateActor,
  now: Date,
): Delegation | undefined {
  const applicable = applicableDelegation(rules.delegations, actor.selfPatientId, now);
  return applicable && applicable.relatedPersonId === actor.relatedPersonId && applicable.kind === actor.kind ? applicable : undefined;
}

function guardianMay(
  actor: GuardianActor,
  interaction: Interaction,
  domain: Domain,
  resource: ResourceFacts,
  rules: PatientRules,
  now: Date,
): Decision {
  if (actor.patientId !== resource.patientId) return deny("other-patient");
  if (!actingDelegation(rules, actor, now)) {
    return deny("delegation-inactive");
  }
  if (resource.labels.includes(MINOR_SECRET)) return deny("minor-secret");
  const decision = ownerMay(interaction, domain, resource);
  return decision.allow ? allow("guardian") : decision;
}

/**
 * The scopes a delegate may hold for an interaction on a domain, any one of them sufficing;
 * empty when no scope allows it.
 */
export function scopesAllowing(interaction: Interaction, domain: Domain): readonly Scope[] {
  const read = READS.has(interaction);
  switch (domain) {
    case "documents":
      return read ? ["documents:read"] : ["documents:write"];
    case "prescriptions":
      if (read) return ["prescriptions:read"];
      return interaction === "share" ? ["prescriptions:share"] : [];
    case "record":
      return read ? ["record:read"] : [];
    case "privacy":
      return ["privacy:manage"];
    case "audit":
      // "See who looked at my record" is a right of its own (audit:read). Managing the sharing
      // settings includes it: a caregiver who authorises, blocks or hides must be able to see
      // what their choices let through. The trail is read-only for everyone (ownerMay).
      return ["audit:read", "privacy:manage"];
    case "delegations":
      // A caregiver never appoints, changes or ends delegations, their own or others': only
      // the patient, or a guardian for a minor, does (as with the Swiss record's
      // representatives). Seeing who else acts for the patient is part of managing privacy.
      return read ? ["privacy:manage"] : [];
    case "messages":
      // Reading the messages addressed to the patient comes with any delegation; writing in the
      // patient's name takes its own right.
      return read ? [] : ["messages:write"];
    case "profile":
      // Reading who the patient is comes with any delegation.
      return read ? [] : ["privacy:manage"];
    case "directory":
      return [];
  }
}

function delegateMay(
  actor: DelegateActor,
  interaction: Interaction,
  domain: Domain,
  resource: ResourceFacts,
  rules: PatientRules,
  now: Date,
): Decision {
  if (actor.patientId !== resource.patientId) return deny("other-patient");
  const delegation = actingDelegation(rules, actor, now);
  if (!delegation) return deny("delegation-inactive");
  // What the patient marked secret is theirs alone.
  if (resource.confidentiality === "V") return deny("secret");
  const scopeFree = READS.has(interaction) && (domain === "profile" || domain === "messages");
  if (!scopeFree && !scopesAllowing(interaction, domain).some((scope) => delegation.scopes.has(scope))) return deny("scope-missing");
  const decision = ownerMay(interaction, domain, resource);
  return decision.allow ? allow("delegation") : decision;
}

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

function practitionerMay(
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

function linkMay(prescriptionId: string, interaction: Interaction, domain: Domain, resource: ResourceFacts): Decision {
  // The patient's name and birth date identify the prescription's holder for the pharmacist.
  if (domain === "profile") return READS.has(interaction) ? allow("share-link") : deny("outside-link");
  if (domain !== "prescriptions" || resource.prescriptionId !== prescriptionId) return deny("outside-link");
  if (READS.has(interaction)) return allow("share-link");
  if (interaction === "dispense" && resource.resourceType === "MedicationRequest") return allow("share-link");
  if (interaction === "create" && resource.resourceType === "MedicationDispense") return allow("share-link");
  return deny("outside-link");
}
