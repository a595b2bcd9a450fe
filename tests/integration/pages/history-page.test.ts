import { describe, expect, it } from "vitest";
import * as document from "@/pages/espace/documents/[id]";
import * as history from "@/pages/espace/historique";
import * as bilan from "@/pages/espace/prevention/bilan";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPractitioner, anOrganization } from "@/lib/fhir/builders/people";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { SCOPES } from "@/server/access/scopes";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf } from "../fhir-api/http";
import { servePage } from "./pages-route";

const db = useTestDatabase();

/** The history's lines that name whom something was done for, as the page shows them. */
const forWhom = (html: string) => [...html.matchAll(/<span class="block text-sm text-slate-700">(pour [^<]*)<\/span>/g)].map((match) => match[1]);

describe("the access history page, on what was done for someone", () => {
  it("says « pour vous » to the person, without reading their own Patient; a caregiver reads their name", async () => {
    const system = await systemRepository("history-page-tests");
    const adele = await personWithAccount(system, "Adele", "Historique");
    const cyril = await personWithAccount(system, "Cyril", "Aidant");
    await system.create(aDelegation({ patientId: adele.patientId, agentPatientId: cyril.patientId, scopes: SCOPES }));
    const documentId = (await system.create(aDocument({ patientId: adele.patientId, title: "Compte rendu" }))).id!;
    const cyrilInAdele = await sessionOf(cyril.account, adele.patientId);
    // Cyril opens one of her documents, for her: a line of her history done on her behalf.
    expect((await servePage(document, `/espace/documents/${documentId}`, { cookie: cyrilInAdele.cookie, params: { id: documentId } })).status).toBe(200);

    const own = await servePage(history, "/espace/historique", { cookie: adele.session.cookie, address: "10.0.3.1" });
    expect(own.status).toBe(200);
    expect(own.html).toContain("Cyril Aidant");
    expect(forWhom(own.html!)).toContain("pour vous");
    expect(own.html).not.toContain("pour Adele Historique");
    // Her view of her history read the trail, and nothing of her Patient: no line « vous avez
    // consulté votre dossier » for reading whom things were done for.
    const rows = await db().sql.query<{ interaction: string; entity: string }>("SELECT interaction, entity FROM audit_event WHERE patient_id = $1::uuid AND address = $2 ORDER BY seq", [adele.patientId, "10.0.3.1"]);
    expect(rows.map((row) => row.entity)).not.toContain(`Patient/${adele.patientId}`);
    expect(rows.map((row) => `${row.interaction} ${row.entity}`)).toContain("search AuditEvent");

    // Cyril, who may read her trail, sees whom he acted for by name: the banner's read of her, once.
    const his = await servePage(history, "/espace/historique", { cookie: cyrilInAdele.cookie, address: "10.0.3.2" });
    expect(his.status).toBe(200);
    expect(forWhom(his.html!)).toContain("pour Adele Historique");
    expect(forWhom(his.html!)).not.toContain("pour vous");
    const looks = await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid AND address = $2 AND entity = $3", [adele.patientId, "10.0.3.2", `Patient/${adele.patientId}`]);
    expect(looks[0]!.n).toBe(1);
  });

  it("says what a caregiver's look at a document and at the prevention questionnaire searched (the names of its author and establishment, her answers), never a bare « Recherche »", async () => {
    const system = await systemRepository("history-page-tests");
    const odile = await personWithAccount(system, "Odile", "Annuaire");
    const remi = await personWithAccount(system, "Remi", "Aidant");
    await system.create(aDelegation({ patientId: odile.patientId, agentPatientId: remi.patientId, scopes: SCOPES }));
    const author = (await system.create(aPractitioner({ given: "Anne", family: "Auteur" }))).id!;
    const custodian = (await system.create(anOrganization({ name: "Laboratoire du test" }))).id!;
    const documentId = (await system.create(aDocument({ patientId: odile.patientId, title: "Bilan", author: `Practitioner/${author}`, custodianId: custodian }))).id!;
    const remiInOdile = await sessionOf(remi.account, odile.patientId);
    expect((await servePage(document, `/espace/documents/${documentId}`, { cookie: remiInOdile.cookie, params: { id: documentId } })).status).toBe(200);
    // And her « Mon bilan prévention », whose page reads her earlier answers.
    expect((await servePage(bilan, "/espace/prevention/bilan", { cookie: remiInOdile.cookie })).status).toBe(200);

    const page = await servePage(history, "/espace/historique", { cookie: odile.session.cookie });
    expect(page.status).toBe(200);
    const actions = [...page.html!.matchAll(/<span class="block">(Recherche[^<]*)<\/span>/g)].map((match) => match[1]);
    expect(actions).toContain("Recherche dans les professionnels et les établissements");
    expect(actions).toContain("Recherche dans les questionnaires de prévention");
    expect(actions).not.toContain("Recherche");
  });

  it("names what the service did by itself as the service, not « Système »", async () => {
    // Found walking Camille's history: « Système — Consultation : votre dossier » read as a
    // stranger in her record; the table's caption speaks of « service Espace santé ».
    const system = await systemRepository("history-page-tests");
    const berthe = await personWithAccount(system, "Berthe", "Service");
    await system.create(aDocument({ patientId: berthe.patientId, title: "Compte rendu déposé par le service" }));
    const page = await servePage(history, "/espace/historique", { cookie: berthe.session.cookie });
    expect(page.status).toBe(200);
    const who = [...page.html!.matchAll(/<span id="qui-[^"]+">([^<]*)<\/span>/g)].map((match) => match[1]);
    expect(who).toContain("Espace santé (opération automatique)");
    expect(who).not.toContain("Système");
  });
});
