import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as ownUpload from "@/pages/espace/documents/ajouter";
import * as proUpload from "@/pages/pro/patients/[patientId]/ajouter";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf, signIn } from "../fhir-api/http";
import { servePage, toSignIn } from "./pages-route";

useTestDatabase();

/**
 * The upload pages (« Ajouter un document »), served by the Pages Router: the form, with its
 * progress as an inline script under the page's nonce and no bundle; « Page introuvable » for
 * whoever may not add to the record, with nothing of it.
 */
async function world() {
  const system = await systemRepository("upload-pages-tests");
  const patient = await personWithAccount(system, "Ines", "Depot");
  const reader = await personWithAccount(system, "Luc", "Lecteur");
  const writer = await personWithAccount(system, "Mia", "Ecrit");
  const end = addDaysToDay(parisDayOf(new Date()), 30);
  await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: reader.patientId, scopes: ["documents:read"], end }));
  await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: writer.patientId, scopes: ["documents:read", "documents:write"], end }));
  const doctor = (await system.create(aPractitioner({ given: "Rose", family: "Autorisee" }))).id!;
  const blocked = (await system.create(aPractitioner({ given: "Bob", family: "Bloque" }))).id!;
  await system.create(anAuthorisation({ patientId: patient.patientId, practitionerId: doctor }));
  await system.create(aBlock({ patientId: patient.patientId, practitionerId: blocked }));
  return {
    patient,
    readerHere: await sessionOf(reader.account, patient.patientId),
    writerHere: await sessionOf(writer.account, patient.patientId),
    doctor: await signIn(`Practitioner/${doctor}`, { name: "Dr Rose Autorisee" }),
    blocked: await signIn(`Practitioner/${blocked}`, { name: "Dr Bob Bloque" }),
  };
}

const own = (cookie?: string, query = "") => servePage(ownUpload, `/espace/documents/ajouter${query}`, { cookie, headers: { "x-nonce": "bm9uY2U=" } });
const forPatient = (patientId: string, cookie?: string) => servePage(proUpload, `/pro/patients/${patientId}/ajouter`, { cookie, params: { patientId }, headers: { "x-nonce": "bm9uY2U=" } });

describe("the upload pages (Pages Router)", () => {
  it("send a visitor without a session to sign in, and each kind of account to its own space", async () => {
    const { patient, doctor } = await world();
    expect(await own(undefined)).toEqual(toSignIn("/espace/documents/ajouter"));
    expect(await own(doctor.cookie)).toEqual({ status: 307, redirect: "/pro" });
    expect(await forPatient(patient.patientId, undefined)).toEqual(toSignIn(`/pro/patients/${patient.patientId}/ajouter`));
    expect(await forPatient(patient.patientId, patient.session.cookie)).toEqual({ status: 307, redirect: "/espace" });
  });

  it("give the patient the multipart form, its progress under the page's nonce and no script file; a known refusal in words, a forged one not at all", async () => {
    const { patient } = await world();
    const answer = await own(patient.session.cookie, "?erreur=too-large");
    expect(answer.status).toBe(200);
    const html = answer.html!;
    expect(html).toContain('action="/api/documents"');
    expect(html).toMatch(/enctype="multipart\/form-data"/i);
    expect(html).toContain('<option value="personal">');
    expect(html).not.toContain('name="patient"');
    expect(html).toMatch(/<progress id="upload-progress"/);
    expect(html).toContain('<script nonce="bm9uY2U=">');
    expect(html).not.toMatch(/<script[^>]*src=/);
    expect(html).toContain("Le fichier dépasse");
    const forged = (await own(patient.session.cookie, "?erreur=%3Cb%3Epirate%3C%2Fb%3E")).html!;
    expect(forged).toMatch(/role="alert" hidden=""/);
    expect(forged).not.toContain("pirate");
  });

  // Found by the second walk: beside fields marked « (obligatoire) », a bare « Titre » left it to be
  // guessed; a document added without one takes its file's name (upload-document.ts).
  it("say the title is optional and what a document without one is called", async () => {
    const { patient } = await world();
    const html = (await own(patient.session.cookie, "")).html!;
    expect(html).toMatch(/<label for="upload-title"[^>]*>Titre \(facultatif\)<\/label>/);
    expect(html).toContain("Sans titre, le document prend le nom du fichier.");
  });

  it("let a caregiver with the right add, and tell one who may only read which right is missing and who can give it, with no form", async () => {
    const { readerHere, writerHere } = await world();
    expect((await own(writerHere.cookie)).html).toContain('action="/api/documents"');
    const refused = await own(readerHere.cookie);
    expect(refused.status).toBe(200);
    const text = refused.html!.replace(/&#x27;/g, "'");
    expect(text).toContain("Ajouter un document à ce dossier n'est pas possible avec les droits de votre délégation.");
    expect(text).toContain("la personne peut ajouter ce droit à votre délégation");
    expect(text).not.toContain("Page introuvable");
    expect(text).not.toContain('action="/api/documents"');
  });

  it("give an authorised professional the form for that record, and a blocked one, an unknown or a malformed patient « Page introuvable » with nothing of it", async () => {
    const { patient, doctor, blocked } = await world();
    const page = (await forPatient(patient.patientId, doctor.cookie)).html!;
    expect(page).toContain("Ines Depot");
    expect(page).toContain(`name="patient" value="${patient.patientId}"`);
    expect(page).not.toContain('<option value="personal">');
    for (const [who, id] of [[blocked, patient.patientId], [doctor, randomUUID()], [doctor, "pas-un-id"]] as const) {
      const refused = await forPatient(id, who.cookie);
      expect(refused.status).toBe(404);
      expect(refused.html).not.toContain("Ines");
      expect(refused.html).not.toContain("upload-form");
    }
  });
});
