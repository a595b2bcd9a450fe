import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as delegationPage from "@/pages/espace/proches/[id]";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf, signIn } from "../fhir-api/http";
import { servePage, toSignIn } from "./pages-route";

const db = useTestDatabase();

/**
 * « Délégation de … » (/espace/proches/[id]), served by the Pages Router without runtime
 * JavaScript: its getServerSideProps with the request Next hands it, then the HTML. Only the
 * patient (or a minor's guardian) managing the space sees a caregiver's delegation; anyone else
 * gets « Page introuvable » with nothing of it.
 */
async function world() {
  const system = await systemRepository("delegation-page-tests");
  const patient = await personWithAccount(system, "Berthe", "Delegue");
  const caregiver = await personWithAccount(system, "Remi", "Aidant");
  const stranger = await personWithAccount(system, "Eve", "Autre");
  const today = parisDayOf(new Date());
  const tie = await system.create(
    aDelegation({ patientId: patient.patientId, agentPatientId: caregiver.patientId, agentName: { given: "Remi", family: "Aidant" }, scopes: ["documents:read", "documents:write"], end: addDaysToDay(today, 90) }),
  );
  const caregiverHere = await sessionOf(caregiver.account, patient.patientId);
  return { system, patient, caregiver, stranger, caregiverHere, tie: tie.id!, today };
}

const pathOf = (id: string, query = "") => `/espace/proches/${id}${query}`;

describe("a caregiver's delegation page (Pages Router)", () => {
  it("sends a visitor without a session to sign in and a professional to their space", async () => {
    const { tie } = await world();
    const system = await systemRepository("delegation-page-tests");
    const practitioner = await signIn(`Practitioner/${(await system.create(aPractitioner({ given: "Paul", family: "Pro" }))).id!}`);
    expect(await servePage(delegationPage, pathOf(tie), { params: { id: tie } })).toEqual(toSignIn(pathOf(tie)));
    expect(await servePage(delegationPage, pathOf(tie), { params: { id: tie }, cookie: practitioner.cookie })).toEqual({ status: 307, redirect: "/pro" });
  });

  it("shows the patient the caregiver's rights and last day, with the three forms posting to this delegation's routes, and a known notice only", async () => {
    const { patient, tie, today } = await world();
    const answer = await servePage(delegationPage, pathOf(tie, "?message=modifiee"), { params: { id: tie }, cookie: patient.session.cookie });
    expect(answer.status).toBe(200);
    const html = answer.html!;
    expect(html).toContain("Délégation de Remi Aidant");
    expect(html).toContain("Droits actuels : voir mes documents, ajouter des documents.");
    for (const action of ["modifier", "renouveler", "retirer"]) expect(html).toContain(`action="/api/proches/${tie}/${action}"`);
    // The rights as ticked boxes, the last day granted (the period's end, included) as the field's value.
    expect(html).toMatch(/id="modifier-documents:read"[^>]*checked=""/);
    expect(html).toMatch(/id="modifier-documents:write"[^>]*checked=""/);
    expect(html).not.toMatch(/id="modifier-privacy:manage"[^>]*checked/);
    expect(html).toMatch(new RegExp(`name="fin" value="${addDaysToDay(today, 90)}"`));
    expect(html).toContain(`min="${today}"`);
    expect(html).toContain("Droits modifiés. La personne a été prévenue.");

    const forged = (await servePage(delegationPage, pathOf(tie, "?message=%3Cb%3EAppelez%20le%2001%3C%2Fb%3E"), { params: { id: tie }, cookie: patient.session.cookie })).html!;
    expect(forged).not.toMatch(/Appelez|<b>|role="(status|alert)"/);
  });

  it("marks the last day's field when the change came back refused for it (?message=date), its refusal read with it, and not for the general refusal", async () => {
    const { patient, tie } = await world();
    const field = (html: string) => html.match(/<input[^>]*name="fin"[^>]*>/)?.[0] ?? "";
    const refused = (await servePage(delegationPage, pathOf(tie, "?message=date"), { params: { id: tie }, cookie: patient.session.cookie })).html!.replace(/&#x27;/g, "'");
    expect(refused).toContain('role="alert"');
    expect(field(refused)).toContain('aria-invalid="true"');
    expect(field(refused)).toContain('aria-describedby="field-fin-hint field-fin-error"');
    expect(refused).toMatch(/<p id="field-fin-error"[^>]*>.*La date de fin doit être entre aujourd'hui et dans trois ans au plus\.<\/p>/);
    const general = (await servePage(delegationPage, pathOf(tie, "?message=formulaire"), { params: { id: tie }, cookie: patient.session.cookie })).html!;
    expect(general).toContain('role="alert"');
    expect(general).not.toContain("aria-invalid");
  });

  it("answers « Page introuvable » with a 404 for a malformed id, another space's delegation, or a caregiver acting in the space, with nothing of the delegation", async () => {
    const { patient, stranger, caregiverHere, tie } = await world();
    for (const [who, id, cookie] of [
      ["malformed", "not-a-uuid", patient.session.cookie],
      ["unknown", randomUUID(), patient.session.cookie],
      ["another patient", tie, stranger.session.cookie],
      ["the caregiver in the patient's space", tie, caregiverHere.cookie],
    ] as const) {
      const answer = await servePage(delegationPage, pathOf(id), { params: { id }, cookie });
      expect(answer.status, who).toBe(404);
      expect(answer.html, who).toContain("Page introuvable");
      expect(answer.html, who).not.toMatch(/Remi|Aidant|\/api\/proches/);
    }
  });

  it("says a guardian's tie is not changed here, and an ended delegation offers no form", async () => {
    const { system, patient, caregiver, today } = await world();
    const child = (await system.create(aPatient({ given: "Leo", family: "Enfant", birthDate: "2016-04-01" }))).id!;
    const mother = await personWithAccount(system, "Mere", "Tutrice");
    await system.create(aGuardianship({ patientId: child, agentPatientId: mother.patientId, scopes: [] }));
    const fatherTie = (await system.create(aGuardianship({ patientId: child, agentPatientId: caregiver.patientId, scopes: [] }))).id!;
    const motherInChild = await sessionOf(mother.account, child);
    const guardian = (await servePage(delegationPage, pathOf(fatherTie), { params: { id: fatherTie }, cookie: motherInChild.cookie })).html!;
    expect(guardian).toContain("Représentation légale");
    expect(guardian).toContain("c&#x27;est une décision de justice");
    expect(guardian).not.toContain("<form");

    const ended = (await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: caregiver.patientId, scopes: ["documents:read"], end: addDaysToDay(today, 30), active: false }))).id!;
    const html = (await servePage(delegationPage, pathOf(ended), { params: { id: ended }, cookie: patient.session.cookie })).html!;
    expect(html).toContain("Cette délégation est terminée.");
    expect(html).not.toContain("<form");
  });

  it("reads nothing for an App Router prefetch: answered 204 before the repository is asked, no audit row", async () => {
    const { patient, tie } = await world();
    const rows = async () => (await db().sql.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_event WHERE entity = $1", [`RelatedPerson/${tie}`]))[0]!.n;
    const before = await rows();
    expect(await servePage(delegationPage, pathOf(tie), { params: { id: tie }, cookie: patient.session.cookie, headers: { rsc: "1", "next-router-prefetch": "1" } })).toEqual({ status: 204, ended: true });
    expect(await rows()).toBe(before);
    await servePage(delegationPage, pathOf(tie), { params: { id: tie }, cookie: patient.session.cookie });
    expect(Number(await rows())).toBeGreaterThan(Number(before));
  });
});
