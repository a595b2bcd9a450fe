import fc from "fast-check";
import type { Consent, RelatedPerson, Resource } from "@medplum/fhirtypes";
import type { Actor } from "@/server/access/actor";
import { decide } from "@/server/access/decide";
import type { ResourceFacts } from "@/server/access/facts";
import { rulesFromResources, type PatientRules } from "@/server/access/rules";
import { SCOPES } from "@/server/access/scopes";
import type { CurrentSession } from "@/server/auth/check-session";
import { resolveActor } from "@/server/auth/resolve-actor";
import { extractColumns, confidentialityOf } from "@/server/fhir/columns";
import { MINOR_SECRET } from "@/lib/fhir/systems";
import { aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { INTERACTIONS, TYPES } from "./access-spec";

/**
 * The rights of someone acting for a patient, measured, and random writes they might attempt:
 * shared by the pure property test (agent-rights.property.test.ts) and the one through the
 * Repository on a real database (tests/integration/access/agent-rights.property.test.ts).
 *
 * Rights are measured as the set of (type, interaction, resource variant) that decide() allows
 * the actor that resolveActor() makes of the person's session, at several instants (now, and
 * later ones: a delegation stretched past its end is a larger right even if nothing changes today).
 */
export const NOW = new Date("2026-06-01T12:00:00.000Z");
export const INSTANTS = [NOW, new Date("2026-06-02T12:00:00.000Z"), new Date("2027-06-01T00:00:00.000Z"), new Date("2035-01-01T00:00:00.000Z")];
const PAST = "2026-01-01T00:00:00.000Z";
const SOON = "2026-07-01T00:00:00.000Z";
const LATER = "2027-01-01T00:00:00.000Z";
const FAR = "2030-01-01T00:00:00.000Z";

export type Pools = { patientId: string; agent: string; otherAgents: string[]; relatedPersons: string[]; practitioner: string };

export type Stored = { consents: Consent[]; relatedPersons: RelatedPerson[] };

export function sessionOf(pools: Pools): CurrentSession {
  return {
    sessionId: "s",
    account: { id: "acc-agent", kind: "patient", fhirRef: `Patient/${pools.agent}`, displayName: "Aidant" },
    activeSpace: `Patient/${pools.patientId}`,
    emergency: null,
  };
}

export function rulesOfStored(pools: Pools, stored: Stored): PatientRules {
  return rulesFromResources(pools.patientId, stored.consents, stored.relatedPersons);
}

/** The actor the person's session resolves to in the patient's space, if any. */
export function agentActor(pools: Pools, rules: PatientRules, at: Date = NOW): Actor | undefined {
  return resolveActor(sessionOf(pools), rules.delegations, at);
}

const VARIANTS: { confidentiality: "N" | "R" | "V"; minorSecret: boolean; author: string }[] = [];
for (const confidentiality of ["N", "R", "V"] as const)
  for (const minorSecret of [false, true]) for (const author of ["Patient/p", "Practitioner/x"]) VARIANTS.push({ confidentiality, minorSecret, author });

/** Everything the person may do in the patient's space at `at`, as keys. */
export function rightsAt(pools: Pools, rules: PatientRules, at: Date): Set<string> {
  const rights = new Set<string>();
  const actor = agentActor(pools, rules, at);
  if (!actor) return rights;
  for (const type of TYPES) {
    for (const v of VARIANTS) {
      const facts: ResourceFacts = {
        resourceType: type,
        id: "d0000000-0000-4000-8000-000000000001",
        patientId: type === "Practitioner" ? undefined : pools.patientId,
        confidentiality: v.confidentiality,
        labels: [...(v.confidentiality === "N" ? [] : [v.confidentiality]), ...(v.minorSecret ? [MINOR_SECRET] : [])],
        author: v.author,
      };
      for (const interaction of INTERACTIONS) {
        if (decide(actor, interaction, facts, facts.patientId ? rules : undefined, at).allow) rights.add(`${type}|${interaction}|${JSON.stringify(v)}`);
      }
    }
  }
  return rights;
}

/** Rights present after and not before, at any instant (empty when nothing grew). */
export function grownRights(pools: Pools, before: PatientRules, after: PatientRules): string[] {
  return INSTANTS.flatMap((at) => {
    const was = rightsAt(pools, before, at);
    return [...rightsAt(pools, after, at)].filter((right) => !was.has(right)).map((right) => `${at.toISOString()} ${right}`);
  });
}

/** The decision facts of a Consent or RelatedPerson, as the repository extracts them. */
export function factsOf(resource: Resource): ResourceFacts {
  const columns = extractColumns(resource);
  return {
    resourceType: resource.resourceType,
    id: resource.id,
    patientId: columns.patientId ?? undefined,
    confidentiality: confidentialityOf(columns.security),
    labels: columns.security,
    author: columns.author ?? undefined,
  };
}

const when = fc.constantFrom<string | undefined>(undefined, PAST, SOON, LATER, FAR);

export function arbRelatedPerson(pools: Pools, id: fc.Arbitrary<string>): fc.Arbitrary<RelatedPerson> {
  return fc
    .record({
      guardian: fc.boolean(),
      id,
      agentPatientId: fc.constantFrom(pools.agent, ...pools.otherAgents),
      scopes: fc.subarray([...SCOPES]),
      active: fc.boolean(),
      start: fc.constantFrom<string | undefined>(undefined, PAST, SOON),
      end: when,
    })
    .map(({ guardian, ...d }) => (guardian ? aGuardianship : aDelegation)({ patientId: pools.patientId, ...d }));
}

/** A privacy rule, sometimes about the person themself (their Patient or one of their RelatedPersons). */
export function arbConsent(pools: Pools, id: fc.Arbitrary<string>): fc.Arbitrary<Consent> {
  const about = fc.constantFrom(
    `Practitioner/${pools.practitioner}`,
    `Patient/${pools.agent}`,
    ...pools.relatedPersons.map((rp) => `RelatedPerson/${rp}`),
    ...pools.otherAgents.map((agent) => `Patient/${agent}`),
  );
  return fc.record({ id, about, until: when, restricted: fc.boolean() }).map(({ id: consentId, about: reference, until, restricted }) => {
    const consent = anAuthorisation({ id: consentId, patientId: pools.patientId, practitionerId: pools.practitioner, until, restricted });
    const actor = consent.provision?.actor?.[0];
    return { ...consent, provision: { ...consent.provision, actor: actor ? [{ ...actor, reference: { reference } }] : [] } };
  });
}

export type Write =
  | { kind: "create"; resource: RelatedPerson | Consent }
  | { kind: "update"; resource: RelatedPerson | Consent }
  | { kind: "delete"; type: "RelatedPerson" | "Consent"; id: string };

/**
 * Random stored rules in which the person holds at least one live relationship (a delegation,
 * sometimes a guardianship), beside others' and their own older or ended ones.
 */
export function arbStored(pools: Pools): fc.Arbitrary<Stored> {
  const own = fc
    .record({ guardian: fc.boolean(), scopes: fc.subarray([...SCOPES]), end: fc.constantFrom<string | undefined>(undefined, SOON, LATER), id: fc.constantFrom(...pools.relatedPersons) })
    .map(({ guardian, ...d }) => (guardian ? aGuardianship : aDelegation)({ patientId: pools.patientId, agentPatientId: pools.agent, start: PAST, ...d }));
  return fc
    .record({
      own,
      others: fc.array(arbRelatedPerson(pools, fc.constantFrom(...pools.relatedPersons)), { maxLength: 3 }),
      consents: fc.array(arbConsent(pools, fc.uuid()), { maxLength: 2 }),
    })
    .map(({ own: mine, others, consents }) => {
      // Ids are unique in a store: a later row with an id already used is dropped.
      const seen = new Set<string>();
      const relatedPersons = [mine, ...others].filter((rp) => !seen.has(rp.id ?? "") && seen.add(rp.id ?? ""));
      return { consents, relatedPersons };
    });
}

/** A random write: a new RelatedPerson or Consent, a new content for a stored one, or a deletion. */
export function arbWrite(pools: Pools, stored: Stored): fc.Arbitrary<Write> {
  const storedIds = [...stored.relatedPersons.map((r) => r.id ?? ""), ...stored.consents.map((c) => c.id ?? "")];
  const creates = fc.oneof(arbRelatedPerson(pools, fc.uuid()), arbConsent(pools, fc.uuid())).map((resource): Write => ({ kind: "create", resource }));
  if (storedIds.length === 0) return creates;
  const target = fc.constantFrom(...storedIds);
  const typeOf = (id: string) => (stored.relatedPersons.some((r) => r.id === id) ? "RelatedPerson" : "Consent");
  const updates = target.chain((id) =>
    (typeOf(id) === "RelatedPerson" ? arbRelatedPerson(pools, fc.constant(id)) : arbConsent(pools, fc.constant(id))).map((resource): Write => ({ kind: "update", resource })),
  );
  const deletes = target.map((id): Write => ({ kind: "delete", type: typeOf(id), id }));
  return fc.oneof(creates, updates, deletes);
}

/** The store after a write that was let through. */
export function applyWrite(stored: Stored, write: Write): Stored {
  const without = (id: string | undefined) => ({
    consents: stored.consents.filter((c) => c.id !== id),
    relatedPersons: stored.relatedPersons.filter((r) => r.id !== id),
  });
  if (write.kind === "delete") return without(write.id);
  const rest = without(write.resource.id);
  return write.resource.resourceType === "Consent"
    ? { ...rest, consents: [...rest.consents, write.resource] }
    : { ...rest, relatedPersons: [...rest.relatedPersons, write.resource] };
}
