import type { OperationOutcome, RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, sameOrigin, sessionOf, type SignedIn } from "../fhir-api/http";
import { clock } from "./test-clock";
import { buildWorld, noticeOf, personWithAccount, post, postId, secretFromOutbox, type World } from "./world";

vi.mock("@/server/clock", () => import("./test-clock"));
const db = useTestDatabase();

/**
 * SECURITY-CASES 50 ("a delegation that skips its pause"), through the FHIR API: a patient
 * pressed by someone beside her writes a RelatedPerson herself (POST or PUT) instead of going
 * through the invitation, whose delegation acts only 24 hours after acceptance with e-mails and
 * a cancel link. Every write that gives a caregiver more is refused (422, pointing to
 * /espace/proches) and the caregiver gets nothing, then or after the pause; taking rights away
 * stays immediate. The page's own widening waits out the same pause.
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
beforeEach(() => {
  clock.offsetMs = 0;
});

const HOUR = 3600 * 1000;
const inAYear = () => addMonthsToDay(parisDayOf(new Date()), 11);
const readDocument = async (cookie: string) => (await fhir("GET", `DocumentReference/${world.documentId}`, { cookie })).status;
const switchTo = async (cookie: string) => (await post("espaceActif", { patientId: world.camille.patientId }, cookie)).status;
const relatedPersonsOf = async (agentPatientId: string) =>
  (await db().prisma.resource.findMany({ where: { patientId: world.camille.patientId, resourceType: "RelatedPerson", actorRef: `Patient/${agentPatientId}` } })).map((row) => row.content as unknown as RelatedPerson);

const camilleWrites = (method: "POST" | "PUT", person: RelatedPerson) =>
  fhir(method, method === "POST" ? "RelatedPerson" : `RelatedPerson/${person.id}`, { cookie: world.camille.session.cookie, body: person, headers: sameOrigin() });
const current = async (id: string) => (await fhir("GET", `RelatedPerson/${id}`, { cookie: world.camille.session.cookie })).json() as RelatedPerson;

function expectPointedToInvitations(answer: { status: number; json: () => unknown }) {
  expect(answer.status).toBe(422);
  const outcome = answer.json() as OperationOutcome;
  expect(outcome.resourceType).toBe("OperationOutcome");
  expect(outcome.issue?.[0]?.code).toBe("business-rule");
  expect(outcome.issue?.[0]?.diagnostics).toContain("/espace/proches");
}

async function acceptedInvitation(invitee: { email: string; patientId: string; session: SignedIn }): Promise<RelatedPerson> {
  await post("inviter", { prenom: "Proche", nom: "Test", email: invitee.email, lien: "ami", droits: ["documents:read"], fin: inAYear() }, world.camille.session.cookie);
  const secret = await secretFromOutbox(db(), invitee.email, "invitation");
  expect(noticeOf(await post("accepter", { jeton: secret! }, invitee.session.cookie))).toBe("acceptee");
  const [person] = await relatedPersonsOf(invitee.patientId);
  return person!;
}

describe("a delegation written through the FHIR API", () => {
  it("POST of a live delegation for Eve: 422 pointing to the invitations, nothing stored, Eve gets nothing then or a day later", async () => {
    const body = aDelegation({ patientId: world.camille.patientId, agentPatientId: world.eve.patientId, scopes: ["documents:read", "privacy:manage"], end: inAYear() });
    expectPointedToInvitations(await camilleWrites("POST", body));
    // A client's own "pause" (a start a day ahead) skips the invitee's acceptance and the e-mails: refused too.
    expectPointedToInvitations(await camilleWrites("POST", { ...body, period: { start: new Date(Date.now() + 25 * HOUR).toISOString(), end: inAYear() } }));
    expect(await relatedPersonsOf(world.eve.patientId)).toHaveLength(0);
    expect(await readDocument(world.eve.session.cookie)).toBe(404);
    clock.offsetMs = 25 * HOUR;
    expect(await switchTo(world.eve.session.cookie)).toBe(404);
    expect(await readDocument(world.eve.session.cookie)).toBe(404);
  });

  it("PUT cutting short the pause of an accepted invitation: 422; the pause still holds, then ends as planned", async () => {
    const person = await acceptedInvitation(world.jean);
    expect(new Date(person.period!.start!).getTime()).toBeGreaterThan(Date.now() + 23 * HOUR);
    expectPointedToInvitations(await camilleWrites("PUT", { ...person, period: { ...person.period, start: new Date().toISOString() } }));
    expectPointedToInvitations(await camilleWrites("PUT", { ...person, period: { end: person.period?.end } }));
    expect((await current(person.id!)).period?.start).toBe(person.period?.start);
    clock.offsetMs = 23 * HOUR;
    expect(await switchTo(world.jean.session.cookie)).toBe(404);
    clock.offsetMs = 25 * HOUR;
    expect(await switchTo(world.jean.session.cookie)).toBe(303);
  });

  it("PUT widening a running delegation (a right, a later end): 422; narrowing and revoking apply at the caregiver's next request", async () => {
    const stored = await world.system.create(
      aDelegation({ patientId: world.camille.patientId, agentPatientId: world.lea.patientId, scopes: ["documents:read"], start: new Date(Date.now() - HOUR).toISOString(), end: inAYear() }),
    );
    const leaInCamille = await sessionOf(world.lea.account, world.camille.patientId);
    expect(await readDocument(leaInCamille.cookie)).toBe(200);
    const withScopes = (scopes: string[]) => ({ ...stored, extension: scopes.map((valueCode) => ({ url: stored.extension![0]!.url, valueCode })) });

    expectPointedToInvitations(await camilleWrites("PUT", withScopes(["documents:read", "privacy:manage"])));
    expectPointedToInvitations(await camilleWrites("PUT", { ...stored, period: { ...stored.period, end: addMonthsToDay(parisDayOf(new Date()), 30) } }));
    expect((await current(stored.id!)).meta?.versionId).toBe("1");

    // Swapping a right for another gives one: refused. Dropping it is at once.
    expectPointedToInvitations(await camilleWrites("PUT", withScopes(["prescriptions:read"])));
    const narrowed = await camilleWrites("PUT", withScopes([]));
    expect(narrowed.status, narrowed.text).toBe(200);
    expect(await readDocument(leaInCamille.cookie)).toBe(404);
    const revoked = await camilleWrites("PUT", { ...(await current(stored.id!)), active: false });
    expect(revoked.status, revoked.text).toBe(200);
    expect(await switchTo(world.lea.session.cookie)).toBe(404);
  });
});

describe("more rights chosen on /espace/proches", () => {
  it("wait out the same pause: nothing for 24 hours unless the patient confirms, and she gets a fresh cancel link", async () => {
    const ines = await personWithAccount(world.system, "Ines", "Pause");
    const person = await acceptedInvitation(ines);
    expect(noticeOf(await postId("confirmer", person.id!, {}, world.camille.session.cookie))).toBe("confirmee");
    const inesHere = await sessionOf(ines.account, world.camille.patientId);
    expect(await readDocument(inesHere.cookie)).toBe(200);
    const cancelLinks = async () => (await db().sql.query("SELECT 1 FROM email_outbox WHERE recipient = $1 AND text_body LIKE '%/invitation/annuler/%'", [world.camille.email])).length;
    const linksBefore = await cancelLinks();

    expect(noticeOf(await postId("modifier", person.id!, { droits: ["documents:read", "privacy:manage"], fin: inAYear() }, world.camille.session.cookie))).toBe("en-pause");
    expect(await cancelLinks()).toBe(linksBefore + 1);
    expect(await readDocument(inesHere.cookie)).toBe(404);
    clock.offsetMs = 23 * HOUR;
    expect(await readDocument(inesHere.cookie)).toBe(404);
    clock.offsetMs = 25 * HOUR;
    expect(await readDocument(inesHere.cookie)).toBe(200);
  });

  it("narrowing on the page is at once, and the patient may end a widening's pause herself", async () => {
    const yann = await personWithAccount(world.system, "Yann", "Pause");
    const person = await acceptedInvitation(yann);
    expect(noticeOf(await postId("confirmer", person.id!, {}, world.camille.session.cookie))).toBe("confirmee");
    const yannHere = await sessionOf(yann.account, world.camille.patientId);
    expect(noticeOf(await postId("modifier", person.id!, { droits: [], fin: inAYear() }, world.camille.session.cookie))).toBe("modifiee");
    expect(await readDocument(yannHere.cookie)).toBe(404);
    expect(noticeOf(await postId("modifier", person.id!, { droits: ["documents:read"], fin: inAYear() }, world.camille.session.cookie))).toBe("en-pause");
    expect(await readDocument(yannHere.cookie)).toBe(404);
    expect(noticeOf(await postId("confirmer", person.id!, {}, world.camille.session.cookie))).toBe("confirmee");
    expect(await readDocument(yannHere.cookie)).toBe(200);
  });
});
