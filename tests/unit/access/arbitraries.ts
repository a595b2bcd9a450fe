import fc from "fast-check";
import type { Consent, RelatedPerson } from "@medplum/fhirtypes";
import type { Actor } from "@/server/access/actor";
import { rulesFromResources, type PatientRules } from "@/server/access/rules";
import { SCOPES } from "@/server/access/scopes";
import { aBlock, aDelegation, aGuardianship, aHiddenDocument, anAuthorisation, anEmergencyChoice } from "@/lib/fhir/builders/rules";

/**
 * Random actors and random patient rules (built from stored-form Consents and RelatedPersons)
 * for the property tests of the row filter, unit and integration alike. Ids come from small
 * pools so that random rules and random actors often name each other.
 */
export const NOW = new Date("2026-06-01T12:00:00.000Z");
const PAST = "2026-01-01T00:00:00.000Z";
const FUTURE = "2027-01-01T00:00:00.000Z";

export type Pools = { patientId: string; otherPatientId: string; practitioners: string[]; agents: string[]; relatedPersons: string[]; prescriptions: string[] };

/** The pools the row filter's property tests draw from, unit and integration alike. */
export const ROW_FILTER_POOLS: Pools = {
  patientId: "a0000000-0000-4000-8000-000000000001",
  otherPatientId: "a0000000-0000-4000-8000-000000000002",
  practitioners: ["b0000000-0000-4000-8000-000000000001", "b0000000-0000-4000-8000-000000000002"],
  agents: ["a0000000-0000-4000-8000-000000000003", "a0000000-0000-4000-8000-000000000004"],
  relatedPersons: ["c0000000-0000-4000-8000-000000000001", "c0000000-0000-4000-8000-000000000002"],
  prescriptions: ["rx-1", "rx-2"],
};

const when = fc.constantFrom<string | undefined>(undefined, PAST, FUTURE, NOW.toISOString());

export function arbActor(pools: Pools): fc.Arbitrary<Actor> {
  const patient = fc.constantFrom(pools.patientId, pools.otherPatientId);
  return fc.oneof(
    fc.constant<Actor>({ kind: "system", purpose: "property" }),
    patient.map((patientId): Actor => ({ kind: "patient", accountId: "acc", patientId })),
    fc
      .record({
        kind: fc.constantFrom("guardian" as const, "delegate" as const),
        selfPatientId: fc.constantFrom(...pools.agents),
        patientId: patient,
        relatedPersonId: fc.constantFrom(...pools.relatedPersons),
      })
      .map((a): Actor => ({ ...a, accountId: "acc" })),
    fc
      .record({
        practitionerId: fc.constantFrom(...pools.practitioners),
        emergency: fc.option(fc.record({ patientId: patient, until: fc.constantFrom(PAST, FUTURE) }), { nil: undefined }),
      })
      .map(
        (p): Actor => ({
          kind: "practitioner",
          accountId: "acc",
          practitionerId: p.practitionerId,
          emergency: p.emergency ? { patientId: p.emergency.patientId, until: new Date(p.emergency.until), reason: "urgence" } : undefined,
        }),
      ),
    fc
      .record({ patientId: patient, prescriptionId: fc.constantFrom(...pools.prescriptions) })
      .map((l): Actor => ({ kind: "link", linkId: "link", pharmacy: "Pharmacie", ...l })),
  );
}

export type RandomRules = { consents: Consent[]; relatedPersons: RelatedPerson[] };

/** Random stored rules of `pools.patientId`; `hideable` are the ids a hide rule may name. */
export function arbStoredRules(pools: Pools, hideable: string[]): fc.Arbitrary<RandomRules> {
  const patientId = pools.patientId;
  const status = fc.constantFrom<Consent["status"]>("active", "active", "active", "inactive");
  const practitionerId = fc.constantFrom(...pools.practitioners);
  const authorisation = fc
    .record({ practitionerId, until: when, restricted: fc.boolean(), status })
    .map((a) => anAuthorisation({ patientId, ...a }));
  const block = fc.record({ practitionerId, status }).map((b) => aBlock({ patientId, ...b }));
  const hide = fc
    .record({ documentIds: fc.subarray([...hideable, "not-a-uuid", "0"], { minLength: 1 }), status })
    .map((h) => aHiddenDocument({ patientId, ...h }));
  const emergency = fc
    .record({ allowed: fc.boolean(), dateTime: fc.constantFrom(PAST, FUTURE) })
    .map((e) => anEmergencyChoice({ patientId, ...e }));
  const delegation = fc
    .record({
      guardian: fc.boolean(),
      id: fc.constantFrom(...pools.relatedPersons),
      agentPatientId: fc.constantFrom(...pools.agents),
      scopes: fc.subarray([...SCOPES]),
      active: fc.boolean(),
      start: when,
      end: when,
    })
    .map(({ guardian, ...d }) => (guardian ? aGuardianship : aDelegation)({ patientId, ...d }));
  return fc.record({
    consents: fc
      .tuple(fc.array(authorisation, { maxLength: 3 }), fc.array(block, { maxLength: 2 }), fc.array(hide, { maxLength: 2 }), fc.array(emergency, { maxLength: 2 }))
      .map((groups) => groups.flat()),
    relatedPersons: fc.array(delegation, { maxLength: 3 }),
  });
}

export function rulesOf(pools: Pools, stored: RandomRules): PatientRules {
  return rulesFromResources(pools.patientId, stored.consents, stored.relatedPersons);
}
