import type { DelegateActor, GuardianActor } from "./actor";
import { applicableDelegation } from "./applicable-delegation";
import { allow, deny, READS, type Decision } from "./decision";
import type { Domain, Interaction, ResourceFacts } from "./facts";
import { ownerMay } from "./owner-decision";
import type { Delegation, PatientRules } from "./rules";
import type { Scope } from "./scopes";
import { MINOR_SECRET } from "@/lib/fhir/systems";

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

export function guardianMay(
  actor: GuardianActor,
  interaction: Interaction,
  domain: Domain,
  resource: ResourceFacts,
  rules: PatientRules,
  now: Date,
): Decision {
  if (actor.patientId !== resource.patientId) return deny("other-patient");
  const delegation = actingDelegation(rules, actor, now);
  if (!delegation) return deny("delegation-inactive");
  // What a minor keeps from her parents (CSP art. L1111-5) is a minor's protection: an adult's
  // representative under a judge's measure (rules.ts, measure) is not a parent of a minor.
  if (!delegation.measure && resource.labels.includes(MINOR_SECRET)) return deny("minor-secret");
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

export function delegateMay(
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
  // What a minor keeps from her parents (CSP art. L1111-5) is kept from the caregiver they chose
  // for her too: acting under the parental authority, she gets no more than a guardian does.
  if (delegation.minorSecretKeptUntil && now < delegation.minorSecretKeptUntil && resource.labels.includes(MINOR_SECRET)) return deny("minor-secret");
  const scopeFree = READS.has(interaction) && (domain === "profile" || domain === "messages");
  if (!scopeFree && !scopesAllowing(interaction, domain).some((scope) => delegation.scopes.has(scope))) return deny("scope-missing");
  const decision = ownerMay(interaction, domain, resource);
  return decision.allow ? allow("delegation") : decision;
}
