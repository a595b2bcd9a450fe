import type { Consent, RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { SYSTEMS } from "@/lib/fhir/systems";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, isOutcome, resourceOf, sameOrigin, signIn, warmUpValidator, type Answer } from "./http";

const db = useTestDatabase();

/**
 * SECURITY-CASES 23 and 40 through the FHIR API: a caregiver, even one whose stored delegation
 * still carries the old "delegations:manage" code, cannot rewrite their own delegation into a
 * guardian's, widen its scopes, remove its end, appoint someone else, or write a privacy rule
 * about themself; a guardian cannot stretch their own guardianship. Each attempt answers an
 * OperationOutcome, changes nothing stored, and leaves a denied row in the patient's trail.
 */
let jean = "";
let camille = "";
let nadia = "";
let leo = "";
let bernard = "";
let ownDelegation: RelatedPerson;
let guardianship: RelatedPerson;
let caregiverCookie = "";
let guardianCookie = "";
let jeanCookie = "";
const END = "2027-06-30T21:59:59.999Z";

/** A delegation as stored before this change: with the scope code that used to let a caregiver manage delegations. */
function withOldManageCode(person: RelatedPerson): RelatedPerson {
  return { ...person, extension: [...(person.extension ?? []), { url: SYSTEMS.delegationScope, valueCode: "delegations:manage" }] };
}

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("caregiver-rights-tests");
  jean = (await system.create(aPatient({ given: "Jean" }))).id!;
  camille = (await system.create(aPatient({ given: "Camille" }))).id!;
  nadia = (await system.create(aPatient({ given: "Nadia" }))).id!;
  leo = (await system.create(aPatient({ given: "Léo", birthDate: "2015-04-02" }))).id!;
  bernard = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  ownDelegation = await system.create(
    withOldManageCode(aDelegation({ patientId: jean, agentPatientId: camille, scopes: ["documents:read", "privacy:manage"], start: "2026-01-01T00:00:00Z", end: END })),
  );
  guardianship = await system.create(aGuardianship({ patientId: leo, agentPatientId: camille, scopes: [], end: "2033-04-01T22:00:00Z" }));
  await system.create(anAuthorisation({ patientId: jean, practitionerId: bernard }));
  const camilleAccount = await signIn(`Patient/${camille}`, { space: jean });
  caregiverCookie = camilleAccount.cookie;
  guardianCookie = (await signIn(`Patient/${camille}`, { space: leo })).cookie;
  jeanCookie = (await signIn(`Patient/${jean}`)).cookie;
}, 60_000);

/** The patients' delegations and rules as stored (count and versions): what "nothing changed" is measured on. */
async function storedRules(patientId: string): Promise<string> {
  const rows = await db().prisma.$queryRawUnsafe<{ n: number; v: number }[]>(
    `SELECT count(*)::int AS n, coalesce(sum(version_id), 0)::int AS v FROM fhir_resource
      WHERE patient_id = $1::uuid AND resource_type IN ('RelatedPerson', 'Consent') AND NOT deleted`,
    patientId,
  );
  return JSON.stringify(rows[0]);
}

async function deniedRows(patientId: string): Promise<number> {
  const rows = await db().prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid AND outcome = 'denied'`,
    patientId,
  );
  return rows[0]?.n ?? 0;
}

function refused(answer: Answer, what: string) {
  expect([403, 404], `${what}: ${answer.status} ${answer.text.slice(0, 300)}`).toContain(answer.status);
  expect(isOutcome(answer), what).toBe(true);
}

async function attempt(what: string, patientId: string, call: () => Promise<Answer>) {
  const before = await storedRules(patientId);
  const denied = await deniedRows(patientId);
  refused(await call(), what);
  expect(await storedRules(patientId), what).toBe(before);
  expect(await deniedRows(patientId), what).toBeGreaterThan(denied);
}

const put = (cookie: string, resource: RelatedPerson | Consent) =>
  fhir("PUT", `${resource.resourceType}/${resource.id}`, { cookie, body: resource, headers: sameOrigin() });
const post = (cookie: string, resource: RelatedPerson | Consent) => fhir("POST", resource.resourceType, { cookie, body: resource, headers: sameOrigin() });

describe("a caregiver cannot raise their own rights", () => {
  it("cannot rewrite their own delegation into a guardian's", async () => {
    const guardian: RelatedPerson = {
      ...ownDelegation,
      relationship: [{ coding: [{ system: SYSTEMS.roleCode, code: "GUARD", display: "guardian" }], text: "Représentant légal" }],
    };
    await attempt("own delegation made a guardianship", jean, () => put(caregiverCookie, guardian));
  });

  it("cannot widen their own scopes", async () => {
    const wider: RelatedPerson = {
      ...ownDelegation,
      extension: ["documents:read", "documents:write", "record:read", "prescriptions:share", "privacy:manage"].map((valueCode) => ({ url: SYSTEMS.delegationScope, valueCode })),
    };
    await attempt("own delegation widened", jean, () => put(caregiverCookie, wider));
  });

  it("cannot remove their own end date", async () => {
    await attempt("own end removed", jean, () => put(caregiverCookie, { ...ownDelegation, period: { start: ownDelegation.period?.start } }));
  });

  it("cannot end nor delete their delegation to let another of theirs apply", async () => {
    await attempt("own delegation deleted", jean, () => fhir("DELETE", `RelatedPerson/${ownDelegation.id}`, { cookie: caregiverCookie, headers: sameOrigin() }));
  });

  it("cannot appoint another person, nor a second delegation for themself", async () => {
    const { id: _id, ...forNadia } = aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["documents:read"], end: "2026-12-31T23:00:00Z" });
    await attempt("a delegation for someone else", jean, () => post(caregiverCookie, forNadia));
    const { id: _id2, ...forSelf } = aGuardianship({ patientId: jean, agentPatientId: camille, scopes: [] });
    await attempt("a guardianship for themself", jean, () => post(caregiverCookie, forSelf));
  });

  it("cannot write a privacy rule about themself, though they manage the patient's privacy", async () => {
    const { id: _id, ...consent } = anAuthorisation({ patientId: jean, practitionerId: bernard });
    const role = consent.provision?.actor?.[0]?.role ?? {};
    const aboutSelf: Consent = { ...consent, provision: { ...consent.provision, actor: [{ role, reference: { reference: `Patient/${camille}` } }] } };
    await attempt("a privacy rule naming the caregiver", jean, () => post(caregiverCookie, aboutSelf));
    // The same caregiver still manages the patient's choices about professionals.
    const allowed = await post(caregiverCookie, consent);
    expect(allowed.status, allowed.text).toBe(201);
  });

  it("still sees who acts for the patient (privacy), and the patient still manages delegations", async () => {
    const read = await fhir("GET", `RelatedPerson/${ownDelegation.id}`, { cookie: caregiverCookie });
    expect(read.status, read.text).toBe(200);
    const current = resourceOf<RelatedPerson>(await fhir("GET", `RelatedPerson/${ownDelegation.id}`, { cookie: jeanCookie }));
    const narrowed = await put(jeanCookie, { ...current, extension: [{ url: SYSTEMS.delegationScope, valueCode: "documents:read" }] });
    expect(narrowed.status, narrowed.text).toBe(200);
  });
});

describe("a guardian cannot stretch their own guardianship", () => {
  it("cannot remove the end of their own guardianship, and appoints others by invitation only (its pause), not by an API write", async () => {
    await attempt("own guardianship without end", leo, () => put(guardianCookie, { ...guardianship, period: undefined }));
    const { id: _id, ...caregiver } = aDelegation({ patientId: leo, agentPatientId: nadia, scopes: ["documents:read"] });
    const appointed = await post(guardianCookie, caregiver);
    expect(appointed.status, appointed.text).toBe(422);
    expect(appointed.text).toContain("/espace/proches");
  });
});
