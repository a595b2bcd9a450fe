import { describe, expect, it } from "vitest";
import type { Patient } from "@medplum/fhirtypes";
import type { Actor } from "@/server/access/actor";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, aDelegation, aGuardianship, anAuthorisation, anEmergencyChoice, confidentialityLabel } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();

/**
 * searchPatient (patient-search.ts) reads a patient's Patient in one wave and applies the row
 * filter with decide(), where the search it stands for put the filter in SQL. For every kind of
 * actor and state of the rules, both must find the same thing and leave the same row in the
 * patient's trail: a page gated on it (a professional's view of a record) must not show more,
 * nor tell the patient something else, than the search did.
 */
async function world() {
  const system = await systemRepository("patient-search-tests");
  const patient = async (given: string, birthDate = "1961-04-12") => (await system.create(aPatient({ given, family: "Recherche", birthDate }))).id!;
  const pro = async (given: string) => (await system.create(aPractitioner({ given, family: "Recherche" }))).id!;
  const jean = await patient("Jean");
  const leo = await patient("Léo", "2016-05-01");
  const camille = await patient("Camille");
  // A record whose Patient itself is restricted: the search's filter lets the professional into
  // the compartment, then keeps this row out; only decide() on the row does the same here.
  const marie = (await system.create({ ...aPatient({ given: "Marie", family: "Recherche", birthDate: "1970-01-01" }), meta: { security: [confidentialityLabel("R")] } })).id!;
  const [authorised, restricted, ended, blocked, stranger, emergencyPro] = await Promise.all(["Anne", "Bruno", "Chloé", "Denis", "Emma", "Fabien"].map(pro));
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  await system.create(anAuthorisation({ patientId: jean, practitionerId: authorised! }));
  await system.create(anAuthorisation({ patientId: jean, practitionerId: restricted!, restricted: true }));
  await system.create(anAuthorisation({ patientId: jean, practitionerId: ended!, dateTime: "2026-01-01T00:00:00Z", until: yesterday }));
  await system.create(aBlock({ patientId: jean, practitionerId: blocked! }));
  await system.create(anEmergencyChoice({ patientId: jean, allowed: true }));
  await system.create(anAuthorisation({ patientId: marie, practitionerId: authorised! }));
  await system.create(anAuthorisation({ patientId: marie, practitionerId: restricted!, restricted: true }));
  const withRecord = await system.create(aDelegation({ patientId: jean, agentPatientId: camille, scopes: ["record:read"] }));
  const withPrescriptions = await system.create(aDelegation({ patientId: jean, agentPatientId: camille, scopes: ["prescriptions:read"] }));
  const endedDelegation = await system.create(aDelegation({ patientId: jean, agentPatientId: camille, scopes: ["record:read", "documents:read"], start: "2026-01-01T00:00:00Z", end: "2026-02-01T00:00:00Z" }));
  const guardianship = await system.create(aGuardianship({ patientId: leo, agentPatientId: jean, scopes: ["record:read", "documents:read"] }));
  const practitioner = (practitionerId: string, emergency?: Extract<Actor, { kind: "practitioner" }>["emergency"]): Actor => ({ kind: "practitioner", accountId: newId(), practitionerId, emergency });
  const delegate = (relatedPersonId: string): Actor => ({ kind: "delegate", accountId: newId(), selfPatientId: camille, patientId: jean, relatedPersonId });
  const actors: Record<string, { actor: Actor; target: string }> = {
    "the patient": { actor: { kind: "patient", accountId: newId(), patientId: jean }, target: jean },
    "another patient": { actor: { kind: "patient", accountId: newId(), patientId: camille }, target: jean },
    "an authorised professional": { actor: practitioner(authorised!), target: jean },
    "a professional authorised for restricted documents": { actor: practitioner(restricted!), target: jean },
    "a professional whose authorisation ended": { actor: practitioner(ended!), target: jean },
    "a blocked professional": { actor: practitioner(blocked!), target: jean },
    "a professional never authorised": { actor: practitioner(stranger!), target: jean },
    "a professional under emergency access": {
      actor: practitioner(emergencyPro!, { patientId: jean, until: new Date(Date.now() + 3_600_000), reason: "Malaise aux urgences" }),
      target: jean,
    },
    "a blocked professional claiming emergency access": {
      actor: practitioner(blocked!, { patientId: jean, until: new Date(Date.now() + 3_600_000), reason: "Malaise aux urgences" }),
      target: jean,
    },
    "a caregiver who may read the record": { actor: delegate(withRecord.id!), target: jean },
    "a caregiver who may read prescriptions only": { actor: delegate(withPrescriptions.id!), target: jean },
    "a caregiver whose delegation ended": { actor: delegate(endedDelegation.id!), target: jean },
    "a guardian": { actor: { kind: "guardian", accountId: newId(), selfPatientId: jean, patientId: leo, relatedPersonId: guardianship.id! }, target: leo },
    "a pharmacist's link": { actor: { kind: "link", linkId: newId(), patientId: jean, prescriptionId: newId(), pharmacy: "Pharmacie du Centre" }, target: jean },
    "an authorised professional, for a restricted Patient": { actor: practitioner(authorised!), target: marie },
    "a professional authorised for restricted documents, for a restricted Patient": { actor: practitioner(restricted!), target: marie },
    "an authorised professional, for a made-up patient": { actor: practitioner(authorised!), target: newId() },
  };
  return actors;
}

type TrailRow = { entity: string; interaction: string; outcome: string; reason: string | null; detail: unknown };

/** The rows one repository left in the patient's trail (the run's other files share the database on a server, and its addresses). */
async function trail(address: string, patientId: string): Promise<TrailRow[]> {
  return db().sql.query<TrailRow>("SELECT entity, interaction, outcome, reason, detail FROM audit_event WHERE address = $1 AND patient_id = $2::uuid ORDER BY seq", [
    address,
    patientId,
  ]);
}

describe("a patient's Patient read in one wave (searchPatient)", () => {
  it("finds what the search by its id finds and leaves the same row in the trail, for every kind of actor", async () => {
    const actors = await world();
    const compared: string[] = [];
    const trails = new Map<string, TrailRow[]>();
    let n = 0;
    for (const [who, { actor, target }] of Object.entries(actors)) {
      n++;
      const bySearch = `198.51.100.${n}`;
      const byOneWave = `198.51.100.${100 + n}`;
      const searched = await (await createRepository(actor, { address: bySearch })).search<Patient>("Patient", { patientId: target, ids: [target], count: 1 });
      const found = await (await createRepository(actor, { address: byOneWave })).searchPatient(target);
      expect(found?.id, who).toBe(searched.resources[0]?.id);
      const left = await trail(byOneWave, target);
      expect(left, who).toEqual(await trail(bySearch, target));
      trails.set(who, left);
      compared.push(`${who}: ${found ? "found" : "nothing"}`);
    }
    // The table covers both answers: a test where every actor found nothing would prove little.
    expect(compared).toContain("the patient: found");
    expect(compared).toContain("an authorised professional: found");
    expect(compared).toContain("a professional under emergency access: found");
    expect(compared).toContain("a blocked professional: nothing");
    expect(compared).toContain("a caregiver whose delegation ended: nothing");
    expect(compared).toContain("an authorised professional, for a restricted Patient: nothing");
    expect(compared).toContain("a professional authorised for restricted documents, for a restricted Patient: found");
    // And what the patient is told: a refusal for the blocked professional, the number found for the others.
    expect(trails.get("a blocked professional")).toEqual([{ entity: "Patient", interaction: "search", outcome: "denied", reason: "no-access", detail: null }]);
    expect(trails.get("an authorised professional")).toEqual([{ entity: "Patient", interaction: "search", outcome: "success", reason: null, detail: { results: 1, offset: 0 } }]);
  });
});
