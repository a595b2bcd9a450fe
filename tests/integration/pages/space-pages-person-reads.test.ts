import { describe, expect, it } from "vitest";
import * as home from "@/pages/espace";
import * as childRecord from "@/pages/espace/carnet-enfant";
import * as documents from "@/pages/espace/documents";
import * as document from "@/pages/espace/documents/[id]";
import * as upload from "@/pages/espace/documents/ajouter";
import * as history from "@/pages/espace/historique";
import * as messages from "@/pages/espace/messages";
import * as notifications from "@/pages/espace/notifications";
import * as prescriptions from "@/pages/espace/ordonnances";
import * as prescription from "@/pages/espace/ordonnances/[id]";
import * as printable from "@/pages/espace/ordonnances/[id]/imprimer";
import * as shareResult from "@/pages/espace/ordonnances/[id]/lien";
import * as sharing from "@/pages/espace/partage";
import * as sharingHistory from "@/pages/espace/partage/historique";
import * as prevention from "@/pages/espace/prevention";
import * as bilan from "@/pages/espace/prevention/bilan";
import * as vaccinations from "@/pages/espace/prevention/carnet";
import * as certificate from "@/pages/espace/prevention/carnet/certificat";
import * as relatives from "@/pages/espace/proches";
import * as record from "@/pages/pro/patients/[patientId]";
import * as proDocument from "@/pages/pro/patients/[patientId]/documents/[id]";
import * as proUpload from "@/pages/pro/patients/[patientId]/ajouter";
import { aDocument } from "@/lib/fhir/builders/documents";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { SCOPES } from "@/server/access/scopes";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf, signIn } from "../fhir-api/http";
import { servePage, type PagesAnswer, type PagesModule } from "./pages-route";

const db = useTestDatabase();

/** A page of the space at its path, served to one browser (its cookie) from one address. */
type View = (cookie: string, address: string) => Promise<PagesAnswer>;
const view =
  <P extends Record<string, unknown>>(page: PagesModule<P>, path: string, params?: Record<string, string>): View =>
  (cookie, address) =>
    servePage(page, path, { cookie, params, address });

/**
 * What the person whose space it is finds in their history after one view of a page: at most one
 * look at their Patient (its banner names them, the page may show their name, age or birth
 * date; each of those reading it again was a second line in their history for one look). Every
 * page of the space, as the person, a caregiver holding every right, and a parent.
 */
describe("one view of a page of the space, one look at the person", () => {
  it("leaves at most one read or search of the person's Patient in their history, whoever acts", async () => {
    const system = await systemRepository("space-person-reads-tests");
    const prescriber = (await system.create(aPractitioner({ given: "Paule", family: "Prescrit" }))).id!;
    const adult = await personWithAccount(system, "Adele", "Lectures");
    const caregiver = await personWithAccount(system, "Cyril", "Aidant");
    const parent = await personWithAccount(system, "Pia", "Parent");
    const child = (await system.create(aPatient({ given: "Lou", family: "Parent", birthDate: "2019-03-04" }))).id!;
    await system.create(aDelegation({ patientId: adult.patientId, agentPatientId: caregiver.patientId, scopes: SCOPES }));
    await system.create(aGuardianship({ patientId: child, agentPatientId: parent.patientId, scopes: [] }));

    const contentOf = async (patientId: string) => {
      const documentId = (await system.create(aDocument({ patientId, title: "Compte rendu de test" }))).id!;
      const prescriptionId = newId();
      for (const line of aPrescription({ prescriptionId, patientId, requesterId: prescriber, authoredOn: new Date(Date.now() - 86_400_000).toISOString(), lines: [{ medication: "Paracétamol de test", dosage: "1 par jour", quantity: { value: 1, unit: "boîte(s)" } }] })) {
        await system.create(line);
      }
      return { documentId, prescriptionId };
    };
    const pagesOf = ({ documentId, prescriptionId }: { documentId: string; prescriptionId: string }): [string, View][] => [
      ["home", view(home, "/espace")],
      ["documents", view(documents, "/espace/documents")],
      ["document", view(document, `/espace/documents/${documentId}`, { id: documentId })],
      ["upload", view(upload, "/espace/documents/ajouter")],
      ["prescriptions", view(prescriptions, "/espace/ordonnances")],
      ["prescription", view(prescription, `/espace/ordonnances/${prescriptionId}`, { id: prescriptionId })],
      ["printable prescription", view(printable, `/espace/ordonnances/${prescriptionId}/imprimer`, { id: prescriptionId })],
      ["link created", view(shareResult, `/espace/ordonnances/${prescriptionId}/lien`, { id: prescriptionId })],
      ["history", view(history, "/espace/historique")],
      ["sharing", view(sharing, "/espace/partage")],
      ["sharing history", view(sharingHistory, "/espace/partage/historique")],
      ["relatives", view(relatives, "/espace/proches")],
      ["prevention", view(prevention, "/espace/prevention")],
      ["vaccinations", view(vaccinations, "/espace/prevention/carnet")],
      ["vaccination certificate", view(certificate, "/espace/prevention/carnet/certificat")],
      ["bilan", view(bilan, "/espace/prevention/bilan")],
      ["child record", view(childRecord, "/espace/carnet-enfant")],
      ["notifications", view(notifications, "/espace/notifications")],
      ["messages", view(messages, "/espace/messages")],
    ];

    const actors = [
      { who: "the person", patientId: adult.patientId, cookie: adult.session.cookie, banner: false },
      { who: "a caregiver with every right", patientId: adult.patientId, cookie: (await sessionOf(caregiver.account, adult.patientId)).cookie, banner: true },
      { who: "a parent", patientId: child, cookie: (await sessionOf(parent.account, child)).cookie, banner: true },
    ];
    const content = new Map([[adult.patientId, await contentOf(adult.patientId)], [child, await contentOf(child)]]);
    let address = 0;
    const looks: string[] = [];
    for (const { who, patientId, cookie, banner } of actors) {
      for (const [page, serve] of pagesOf(content.get(patientId)!)) {
        const at = `10.0.1.${++address}`;
        const answer = await serve(cookie, at);
        expect([200, 404], `${who}, ${page}: ${answer.status} ${answer.redirect ?? ""}`).toContain(answer.status);
        const rows = await db().sql.query<{ interaction: string }>(
          "SELECT interaction FROM audit_event WHERE patient_id = $1::uuid AND address = $2 AND entity IN ('Patient', 'Patient/' || $1) ORDER BY seq",
          [patientId, at],
        );
        // The banner of a caregiver's or a parent's space names the person on every page: one look, exactly.
        if (rows.length > 1 || (banner && rows.length === 0)) looks.push(`${who}, ${page}: ${rows.map((row) => row.interaction).join(" + ") || "none"}`);
      }
    }
    expect(looks).toEqual([]);
  });
});

describe("one view of a patient's record by their professional, one look at the patient", () => {
  it("leaves one search of the Patient in their history on the record and the upload page (which name them), none on a document", async () => {
    const system = await systemRepository("space-person-reads-tests");
    const patientId = (await system.create(aPatient({ given: "Rene", family: "Dossier", birthDate: "1960-01-02" }))).id!;
    const practitionerId = (await system.create(aPractitioner({ given: "Sara", family: "Soignante" }))).id!;
    await system.create(anAuthorisation({ patientId, practitionerId }));
    const documentId = (await system.create(aDocument({ patientId, title: "Compte rendu de test", author: `Practitioner/${practitionerId}` }))).id!;
    const { cookie } = await signIn(`Practitioner/${practitionerId}`, { name: "Dr Sara Soignante" });
    const views: [string, View, string[]][] = [
      ["record", view(record, `/pro/patients/${patientId}`, { patientId }), ["search"]],
      ["document", view(proDocument, `/pro/patients/${patientId}/documents/${documentId}`, { patientId, id: documentId }), []],
      ["upload", view(proUpload, `/pro/patients/${patientId}/ajouter`, { patientId }), ["search"]],
    ];
    let address = 0;
    for (const [page, serve, looks] of views) {
      const at = `10.0.2.${++address}`;
      expect((await serve(cookie, at)).status, page).toBe(200);
      const rows = await db().sql.query<{ interaction: string }>(
        "SELECT interaction FROM audit_event WHERE patient_id = $1::uuid AND address = $2 AND entity IN ('Patient', 'Patient/' || $1) ORDER BY seq",
        [patientId, at],
      );
      expect(rows.map((row) => row.interaction), page).toEqual(looks);
    }
  });
});
