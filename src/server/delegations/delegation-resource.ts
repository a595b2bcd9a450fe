import type { HumanName, RelatedPerson } from "@medplum/fhirtypes";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { SYSTEMS } from "@/lib/fhir/systems";
import { RELATIONSHIPS, type Relationship } from "@/lib/delegations/rights";
import { isScope, type Scope } from "../access/scopes";

/**
 * The RelatedPerson of a delegation as each act writes it. Pure, so the use cases and the
 * property test (tests/unit/delegations/delegation-sequences.property.test.ts) build exactly
 * the same resources.
 */
export type InvitationTerms = { patientId: string; given: string; family: string; relationship: string; scopes: readonly string[]; endDay: string };

/**
 * Accepted: the agent named, starting after the pause (`start`), the last day a plain Paris day.
 *
 * `agent.name`: the accepting account holder's own name, which the RelatedPerson carries from then
 * on: the name the inviter typed (a nickname, a misspelling) was the only one known while the
 * invitation was pending, and the patient's history names the account holder (found by an
 * exploratory test: one person under two names). Written once, at acceptance, rather than read
 * from the delegate's record on every view of the list: her record is not the patient's to read.
 */
export function delegationOfInvitation(invitation: InvitationTerms, agent: { patientId: string; accountId: string; name?: HumanName }, start: Date, chosenUnderMeasure?: string): RelatedPerson {
  const person = aDelegation({
    patientId: invitation.patientId,
    agentPatientId: agent.patientId,
    accountId: agent.accountId,
    agentName: agent.name?.family ? { given: agent.name.given?.join(" ") ?? "", family: agent.name.family } : { given: invitation.given, family: invitation.family },
    scopes: invitation.scopes.filter(isScope),
    start: start.toISOString(),
    // A plain day: the last day included, to 23:59:59 Paris time (rules.ts reads it so).
    end: invitation.endDay,
  });
  const label = RELATIONSHIPS[invitation.relationship as Relationship] ?? "Aidant";
  // Chosen by the adult's representative: it ends with his measure (access/measure-choices.ts).
  const mark = chosenUnderMeasure ? [{ url: SYSTEMS.chosenUnderMeasure, valueReference: { reference: `RelatedPerson/${chosenUnderMeasure}` } }] : [];
  return { ...person, relationship: [{ text: label }], extension: [...(person.extension ?? []), ...mark] };
}

/** New rights and last day; everything else kept. */
export function withRights(person: RelatedPerson, scopes: readonly Scope[], endDay: string): RelatedPerson {
  return {
    ...person,
    extension: [
      ...(person.extension ?? []).filter((ext) => ext.url !== SYSTEMS.delegationScope),
      ...[...new Set(scopes)].map((scope) => ({ url: SYSTEMS.delegationScope, valueCode: scope })),
    ],
    period: { ...person.period, end: endDay },
  };
}

/** Ended now, kept in the record's history. */
export function revoked(person: RelatedPerson): RelatedPerson {
  return { ...person, active: false };
}

/** Widened terms wait out the pause: the whole delegation starts again at `start`. */
export function pausedFrom(person: RelatedPerson, start: Date): RelatedPerson {
  return { ...person, period: { ...person.period, start: start.toISOString() } };
}

/** The patient ended the pause herself: it starts at `now`. */
export function confirmedAt(person: RelatedPerson, now: Date): RelatedPerson {
  return { ...person, period: { ...person.period, start: now.toISOString() } };
}
