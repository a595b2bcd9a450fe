import { describe, expect, it } from "vitest";
import * as previewPage from "@/pages/espace/partage/apercu";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, aDelegation, anAuthorisation, anEmergencyChoice } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { sessionOf, signIn } from "../fhir-api/http";
import { personWithAccount } from "../delegations/world";
import { servePage, toSignIn } from "./pages-route";

useTestDatabase();

/**
 * « Voir comme… » (/espace/partage/apercu), served by the Pages Router without runtime
 * JavaScript: the record as the chosen viewer gets it, for whoever manages the space's sharing;
 * a caregiver who may not, that it is out of her rights; a viewer that is not one, « Page introuvable ».
 */
async function world() {
  const system = await systemRepository("preview-page-tests");
  const patient = await personWithAccount(system, "Prune", "Apercu");
  const authorised = (await system.create(aPractitioner({ given: "Sophie", family: "Autorisee" }))).id!;
  const blocked = (await system.create(aPractitioner({ given: "Marc", family: "Bloque" }))).id!;
  await system.create(anAuthorisation({ patientId: patient.patientId, practitionerId: authorised }));
  await system.create(aBlock({ patientId: patient.patientId, practitionerId: blocked }));
  await system.create(aDocument({ patientId: patient.patientId, title: "Bilan sanguin ordinaire" }));
  await system.create(aDocument({ patientId: patient.patientId, title: "Compte rendu restreint", confidentiality: "R" }));
  const reader = await personWithAccount(system, "Lou", "Lectrice");
  const manager = await personWithAccount(system, "Max", "Gerant");
  await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: reader.patientId, scopes: ["documents:read"] }));
  await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: manager.patientId, scopes: ["documents:read", "privacy:manage"] }));
  return { system, patient, authorised, blocked, readerHere: await sessionOf(reader.account, patient.patientId), managerHere: await sessionOf(manager.account, patient.patientId) };
}

const as = (vue: string) => `/espace/partage/apercu?vue=${encodeURIComponent(vue)}`;

describe("« Voir comme… » (Pages Router)", () => {
  it("sends a visitor without a session to sign in and a professional to their space", async () => {
    const { authorised } = await world();
    const practitioner = await signIn(`Practitioner/${authorised}`);
    expect(await servePage(previewPage, as(`pro:${authorised}`))).toEqual(toSignIn(as(`pro:${authorised}`)));
    expect(await servePage(previewPage, as(`pro:${authorised}`), { cookie: practitioner.cookie })).toEqual({ status: 307, redirect: "/pro" });
  });

  it("shows the patient what an authorised professional sees, labelled as a preview; a blocked one sees nothing", async () => {
    const { patient, authorised, blocked } = await world();
    const answer = await servePage(previewPage, as(`pro:${authorised}`), { cookie: patient.session.cookie });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Aperçu : voici ce que Dr Sophie Autorisee voit de votre dossier.");
    expect(answer.html).toContain("Bilan sanguin ordinaire");
    expect(answer.html).not.toContain("Compte rendu restreint");
    expect(answer.html).toContain('href="/espace/partage#apercu"');

    const none = (await servePage(previewPage, as(`pro:${blocked}`), { cookie: patient.session.cookie })).html!;
    expect(none).toContain("Dr Marc Bloque ne voit rien de votre dossier.");
    expect(none).not.toMatch(/Bilan sanguin|Compte rendu/);
  });

  it("speaks of the emergency doctor in French sentences: « ce qu'un médecin », and « Un médecin… ne voit rien » once emergency access is refused", async () => {
    const { system, patient } = await world();
    const shown = (await servePage(previewPage, as("urgence"), { cookie: patient.session.cookie })).html!;
    expect(shown).toContain("Aperçu : voici ce qu&#x27;un médecin urgentiste en accès d&#x27;urgence voit de votre dossier.");
    expect(shown).not.toContain("ce que un");

    await system.create(anEmergencyChoice({ patientId: patient.patientId, allowed: false }));
    const none = (await servePage(previewPage, as("urgence"), { cookie: patient.session.cookie })).html!;
    expect(none).toContain("Un médecin urgentiste en accès d&#x27;urgence ne voit rien de votre dossier.");
  });

  it("answers « Page introuvable » with a 404 for a viewer that is not one, and says sharing is out of a reader caregiver's rights, with nothing of the record", async () => {
    const { patient, authorised, readerHere, managerHere } = await world();
    for (const [who, path, cookie] of [
      ["no viewer", "/espace/partage/apercu", patient.session.cookie],
      ["a malformed viewer", as("pro:not-a-uuid"), patient.session.cookie],
      ["an unknown caregiver", as("proche:00000000-0000-4000-8000-000000000001"), patient.session.cookie],
    ] as const) {
      const answer = await servePage(previewPage, path, { cookie });
      expect(answer.status, who).toBe(404);
      expect(answer.html, who).toContain("Page introuvable");
      expect(answer.html, who).not.toMatch(/Bilan sanguin|Compte rendu|Autorisee/);
    }
    // A caregiver without the right to manage sharing is told so in words (as on the sharing page), with nothing of the record.
    const reader = await servePage(previewPage, as(`pro:${authorised}`), { cookie: readerHere.cookie });
    expect(reader.status).toBe(200);
    expect(reader.html).toContain("Le partage et la confidentialité de ce dossier ne sont pas accessibles avec les droits de votre délégation.");
    expect(reader.html).not.toMatch(/Page introuvable|Bilan sanguin|Compte rendu|Autorisee/);
    // A caregiver who manages the space's sharing previews it, within what they see themself.
    const managed = await servePage(previewPage, as(`pro:${authorised}`), { cookie: managerHere.cookie });
    expect(managed.status).toBe(200);
    expect(managed.html).toContain("Bilan sanguin ordinaire");
  });

  it("computes nothing for an App Router prefetch: answered 204 before any read", async () => {
    const { patient, authorised } = await world();
    expect(await servePage(previewPage, as(`pro:${authorised}`), { cookie: patient.session.cookie, headers: { rsc: "1", "next-router-prefetch": "1" } })).toEqual({ status: 204, ended: true });
  });
});
