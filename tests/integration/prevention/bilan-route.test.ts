import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as send } from "@/app/(patient)/espace/prevention/bilan/envoyer/route";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, fhir, idsOf, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";

const db = useTestDatabase();

/**
 * "Mon bilan prévention": the self-questionnaire posted as a browser posts it. Stored as a
 * QuestionnaireResponse in the person's record; kept to them unless they share it, and then
 * readable by a professional they authorised through the FHIR API; bad answers change nothing.
 */
let rose: SignedIn;
let roseId: string;
let jean: SignedIn;
let doctor: SignedIn;
beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("bilan-tests");
  // 23 years old on any day of 2026–2027: in the 18–25 band.
  roseId = (await system.create(aPatient({ given: "Rose", family: "Bilan", birthDate: "2003-01-15" }))).id!;
  const jeanId = (await system.create(aPatient({ given: "Jean", family: "Horsbande", birthDate: "1950-06-02", gender: "male" }))).id!;
  const doctorId = (await system.create(aPractitioner({ given: "Dr", family: "Bilan" }))).id!;
  await system.create(anAuthorisation({ patientId: roseId, practitionerId: doctorId }));
  rose = await signIn(`Patient/${roseId}`, { name: "Rose Bilan" });
  jean = await signIn(`Patient/${jeanId}`, { name: "Jean Horsbande" });
  doctor = await signIn(`Practitioner/${doctorId}`, { name: "Dr Bilan" });
}, 60_000);

async function post(fields: Record<string, string>, options: { cookie?: string; origin?: string } = {}) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", origin: options.origin ?? appUrl() });
  if (options.cookie) headers.set("cookie", options.cookie);
  const request = new Request(`${appUrl()}/espace/prevention/bilan/envoyer`, { method: "POST", headers, body: new URLSearchParams(fields) });
  return inRequestScope(request, () => send(request));
}

const stored = () => db().prisma.resource.count({ where: { patientId: roseId, resourceType: "QuestionnaireResponse" } });

describe("Mon bilan prévention (POST /espace/prevention/bilan/envoyer)", () => {
  it("keeps the answers to the person unless shared, then a professional they authorised reads them", async () => {
    let answer = await post({ activite: "3 ou 4 jours", sommeil: "Pas toujours", sujets: "Le sommeil, surtout." }, { cookie: rose.cookie });
    expect(answer.headers.get("location")).toBe("/espace/prevention/bilan?message=bilan");
    const search = `QuestionnaireResponse?patient=${roseId}`;
    const own = await fhir("GET", search, { cookie: rose.cookie });
    const [kept] = idsOf(own);
    expect(kept).toBeTruthy();
    expect(idsOf(await fhir("GET", search, { cookie: doctor.cookie }))).toEqual([]);
    const audit = await db().prisma.auditEvent.findFirst({ where: { patientId: roseId, entity: `QuestionnaireResponse/${kept}`, interaction: "create" } });
    expect(audit?.agent).toBe(`Patient/${roseId}`);

    answer = await post({ tabac: "J'ai arrêté", partage: "oui" }, { cookie: rose.cookie });
    expect(answer.headers.get("location")).toBe("/espace/prevention/bilan?message=bilan");
    const seen = await fhir("GET", search, { cookie: doctor.cookie });
    expect(idsOf(seen)).toHaveLength(1);
    const [shared] = idsOf(seen);
    const response = (await fhir("GET", `QuestionnaireResponse/${shared}`, { cookie: doctor.cookie })).json() as QuestionnaireResponse;
    expect(response).toMatchObject({ status: "completed", subject: { reference: `Patient/${roseId}` }, item: [{ linkId: "tabac", answer: [{ valueString: "J'ai arrêté" }] }] });
    expect(response.questionnaire).toContain("mon-bilan-prevention-18-25");
  });

  it("refuses answers outside the choices, control characters, empty forms and people outside a band, storing nothing", async () => {
    const before = await stored();
    for (const fields of [{ activite: "Tous les jours sans exception" }, { sujets: "bonjour\u0007" }, { sujets: "x".repeat(1001) }] as Record<string, string>[]) {
      expect((await post(fields, { cookie: rose.cookie })).headers.get("location")).toBe("/espace/prevention/bilan?message=bilan-invalide");
    }
    // Sent blank (the sharing box alone, an unknown field, blank text): the page says to answer a question.
    for (const fields of [{}, { partage: "oui" }, { inconnu: "Oui" }, { sujets: "   " }] as Record<string, string>[]) {
      expect((await post(fields, { cookie: rose.cookie })).headers.get("location")).toBe("/espace/prevention/bilan?message=bilan-vide");
    }
    expect((await post({ activite: "Aucun" }, { cookie: jean.cookie })).headers.get("location")).toBe("/espace/prevention/bilan?message=bilan-invalide");
    expect((await post({ activite: "Aucun" })).status).toBe(401);
    expect((await post({ activite: "Aucun" }, { cookie: rose.cookie, origin: "https://evil.example" })).status).toBe(403);
    expect(await stored()).toBe(before);
  });
});
