import { beforeAll, describe, expect, it } from "vitest";
import { POST as openEmergency } from "@/app/(pro)/pro/urgence/ouvrir/route";
import { POST as endEmergency } from "@/app/(pro)/pro/urgence/terminer/route";
import { PRACTITIONERS } from "@/lib/demo/personas";
import { aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import * as proHome from "@/pages/pro/index";
import * as recordPage from "@/pages/pro/patients/[patientId]";
import * as patientHome from "@/pages/espace/index";
import * as historyPage from "@/pages/espace/historique";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, fhir, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { uniqueFamilyName } from "../unique-family-name";
import { servePage } from "./pages-route";

/**
 * « Mettre fin à l'accès en urgence »: the emergency physician done with the record she opened
 * ends her access at once, where it stayed open to her until the hour was over. Only the session
 * that opened it can end it (another professional, or another session of hers, ends nothing),
 * only from our own pages; once ended, the next read is refused, the trail has the end, and the
 * patient reads on her home and in her history that it was closed, and when.
 */
const db = useTestDatabase();
const BIRTH = "1948-11-20";
let patientId = "";
let family = "";
let opened: SignedIn;
let otherSession: SignedIn;
let otherPro: SignedIn;
let patient: SignedIn;

const post = (route: (request: Request) => Promise<Response>, path: string, session: SignedIn, fields: Record<string, string> = {}, origin: string | null = appUrl()) => {
  const request = new Request(`${appUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie, ...(origin ? { origin } : {}) },
    body: new URLSearchParams(fields),
  });
  return inRequestScope(request, () => route(request));
};

const record = (session: SignedIn, query = "") => servePage(recordPage, `/pro/patients/${patientId}${query}`, { cookie: session.cookie, params: { patientId } });
const readPatient = (session: SignedIn) => fhir("GET", `Patient/${patientId}`, { cookie: session.cookie });
const openUntil = async () => (await db().prisma.authSession.findUniqueOrThrow({ where: { id: opened.sessionId } })).emergencyUntil;

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("emergency-end-tests");
  family = uniqueFamilyName("Finurgence");
  patientId = (await system.create(aPatient({ given: "Rose", family, gender: "female", birthDate: BIRTH }))).id!;
  const practitionerId = (await system.create(aPractitioner({ given: "Inès", family: "Moreau" }))).id!;
  await system.create(aPractitionerRole({ practitionerId, specialty: PRACTITIONERS.moreau.specialty }));
  const otherId = (await system.create(aPractitioner({ given: "Paul", family: "Lenoir" }))).id!;
  await system.create(aPractitionerRole({ practitionerId: otherId, specialty: PRACTITIONERS.moreau.specialty }));
  opened = await signIn(`Practitioner/${practitionerId}`, { name: "Dr Inès Moreau" });
  otherSession = await signIn(`Practitioner/${practitionerId}`, { name: "Dr Inès Moreau" });
  otherPro = await signIn(`Practitioner/${otherId}`, { name: "Dr Paul Lenoir" });
  patient = await signIn(`Patient/${patientId}`);
  const answer = await post(openEmergency, "/pro/urgence/ouvrir", opened, { nom: family, naissance: BIRTH, motif: "Patiente inconsciente admise aux urgences" });
  expect(answer.headers.get("location")).toBe(`/pro/patients/${patientId}`);
}, 60_000);

describe("ending an emergency access early", () => {
  it("is offered on the record opened in emergency and on the home's « Accès en urgence en cours » card", async () => {
    const form = /<form action="\/pro\/urgence\/terminer" method="post"><button type="submit"[^>]*>Mettre fin à l(&#x27;|')accès en urgence<\/button><\/form>/;
    expect((await record(opened)).html).toMatch(form);
    const home = (await servePage(proHome, "/pro", { cookie: opened.cookie })).html!;
    expect(home).toContain("Accès en urgence en cours");
    expect(home).toMatch(form);
    expect((await servePage(proHome, "/pro", { cookie: otherSession.cookie })).html).not.toMatch(form);
  });

  it("ends nothing from another site, another professional, or another session of hers", async () => {
    const until = await openUntil();
    expect((await post(endEmergency, "/pro/urgence/terminer", opened, {}, "https://evil.example")).status).toBe(403);
    expect((await post(endEmergency, "/pro/urgence/terminer", otherPro)).headers.get("location")).toBe("/pro");
    // The body names no record, and one that does is not heard.
    expect((await post(endEmergency, "/pro/urgence/terminer", otherSession, { patientId })).headers.get("location")).toBe("/pro");
    expect(await openUntil()).toEqual(until);
    expect((await readPatient(opened)).status).toBe(200);
    expect(await db().prisma.auditEvent.count({ where: { patientId, interaction: "emergency-end" } })).toBe(0);
  });

  it("ends it at once: the next read is refused, the record's page says she ended it and when, the trail has it", async () => {
    const answer = await post(endEmergency, "/pro/urgence/terminer", opened);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/pro/patients/${patientId}?urgence=terminee`);

    expect((await readPatient(opened)).status).toBe(404);
    const ended = await record(opened, "?urgence=terminee");
    expect(ended.status).toBe(200);
    expect(ended.html).toMatch(/Vous avez mis fin à votre accès en urgence à ce dossier à \d{2}:\d{2}\./);
    expect(ended.html).not.toContain(family);
    expect((await servePage(proHome, "/pro", { cookie: opened.cookie })).html).not.toContain("Accès en urgence en cours");

    const rows = await db().prisma.auditEvent.findMany({ where: { patientId, interaction: "emergency-end" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.outcome).toBe("success");
    // Ending twice writes nothing more.
    expect((await post(endEmergency, "/pro/urgence/terminer", opened)).headers.get("location")).toBe("/pro");
    expect(await db().prisma.auditEvent.count({ where: { patientId, interaction: "emergency-end" } })).toBe(1);
  });

  it("the patient reads that it was closed, and when, on her home and in her history", async () => {
    const home = (await servePage(patientHome, "/espace", { cookie: patient.cookie })).html!;
    expect(home).toMatch(/Dr Inès Moreau a ouvert votre dossier en urgence le [^.]+\. Motif indiqué : « Patiente inconsciente admise aux urgences »\. Ce professionnel a fermé l(&#x27;|')accès le \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2}, avant la fin de l(&#x27;|')heure prévue\./);
    const history = (await servePage(historyPage, "/espace/historique", { cookie: patient.cookie })).html!;
    expect(history).toMatch(/Fin de l(&#x27;|')accès en urgence, fermé par le professionnel/);
  });
});
