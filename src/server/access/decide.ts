import type { Actor } from "./actor";
import { delegateMay, guardianMay } from "./agent-decision";
import { allow, deny, READS, type Decision } from "./decision";
import { domainOf, type Domain, type Interaction, type ResourceFacts } from "./facts";
import { ownerMay } from "./owner-decision";
import { practitionerMay } from "./practitioner-decision";
import type { PatientRules } from "./rules";

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

/**
 * The one place that says who may do what. Pure: no I/O, no clock (`now` is given), so it is
 * tested as a truth table and cheap enough to run on every row.
 *
 * `rules` are the rules of the patient whose compartment holds the resource (undefined for
 * directory resources, which belong to no patient). Each actor's branch lives beside it:
 * owner-decision.ts, agent-decision.ts (guardians, caregivers), practitioner-decision.ts; the
 * reasons in decision.ts.
 */
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
  // A closed space (CSP art. R1111-36: archived from the closure) is read and written by no one but
  // the system (which archives, erases and reopens it): professionals, emergency access, caregivers,
  // guardians, link holders and the holder herself. The holder and a link holder are decided
  // without loading rules (decisionReadsRules), so for them it is their door that is shut: a closed
  // account opens no session and keeps none, and the closure revoked every link (close-space.ts).
  if (rules.closed) return deny("space-closed");

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

function linkMay(prescriptionId: string, interaction: Interaction, domain: Domain, resource: ResourceFacts): Decision {
  // The patient's name and birth date identify the prescription's holder for the pharmacist.
  if (domain === "profile") return READS.has(interaction) ? allow("share-link") : deny("outside-link");
  if (domain !== "prescriptions" || resource.prescriptionId !== prescriptionId) return deny("outside-link");
  if (READS.has(interaction)) return allow("share-link");
  if (interaction === "dispense" && resource.resourceType === "MedicationRequest") return allow("share-link");
  if (interaction === "create" && resource.resourceType === "MedicationDispense") return allow("share-link");
  return deny("outside-link");
}
