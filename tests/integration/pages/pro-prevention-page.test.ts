import { describe, expect, it } from "vitest";
import * as preventionPage from "@/pages/pro/patients/[patientId]/prevention";
import * as recordPage from "@/pages/pro/patients/[patientId]";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation, aBlock } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage, toSignIn } from "./pages-route";

const db = useTestDatabase();

/**
 * A patient's prevention calendar as a professional sees it (/pro/patients/[id]/prevention), the
 * record's second tab, served by the Pages Router: its getServerSideProps with the request Next
 * hands it, then the HTML. Jean, 76, has no vaccination recorded: the RSV vaccine is due for him.
 */
async function world() {
  const system = await systemRepository("pro-prevention-page-tests");
  const jean = (await system.create(aPatient({ given: "Jean", family: "Prevention", gender: "male", birthDate: "1950-06-02" }))).id!;
  const bernard = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  const petit = (await system.create(aPractitioner({ given: "Marc", family: "Petit" }))).id!;
  await system.create(anAuthorisation({ patientId: jean, practitionerId: bernard }));
  return {
    jean,
    bernardId: bernard,
    bernard: await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" }),
    petit: await signIn(`Practitioner/${petit}`, { name: "Dr Marc Petit" }),
    jeanSession: await signIn(`Patient/${jean}`, { name: "Jean Prevention" }),
  };
}

const serve = (jean: string, cookie?: string) => servePage(preventionPage, `/pro/patients/${jean}/prevention`, { cookie, params: { patientId: jean } });

async function rowsOf(jean: string) {
  return db().sql.query<{ entity: string; outcome: string }>(
    "SELECT entity, outcome FROM audit_event WHERE patient_id = $1::uuid AND agent LIKE 'Practitioner/%' ORDER BY seq",
    [jean],
  );
}

describe("a patient's prevention as a professional sees it (Pages Router)", () => {
  it("shows the authorised professional what is due, with its reason about the patient, read-only, in the record's tabs", async () => {
    const { jean, bernard } = await world();
    const answer = await serve(jean, bernard.cookie);
    expect(answer.status).toBe(200);
    const html = answer.html ?? "";
    expect(html).toContain("Prévention de Jean Prevention");
    expect(html).toMatch(/<h2 id="now-title"[^>]*>À faire maintenant<\/h2>[\s\S]*data-item="RSV_OLDER"[\s\S]*<h2 id="soon-title"/);
    expect(html).toContain("Jean a 76 ans");
    expect(html).not.toMatch(/\bvous avez\b|\bvotre\b/i);
    // Read-only: « C'est fait » and the reminders are the patient's.
    expect(html).not.toContain("/espace/prevention/fait");
    expect(html).not.toContain("/espace/prevention/rappels");
    expect(html).toContain(`<a href="/pro/patients/${jean}" `);
    expect(html).toMatch(/<a href="\/pro\/patients\/[^"]+\/prevention" aria-current="page"/);
  });

  it("tells the patient of the professional's first look when this tab is where it happens, once", async () => {
    const { jean, bernard } = await world();
    const notices = () => db().sql.query<{ kind: string }>("SELECT kind FROM notification WHERE patient_id = $1::uuid", [jean]);
    expect(await notices()).toEqual([]);
    expect((await serve(jean, bernard.cookie)).status).toBe(200);
    expect((await serve(jean, bernard.cookie)).status).toBe(200);
    expect(await notices()).toEqual([{ kind: "pro-first-access" }]);
  });

  it("leaves the look in the patient's history (the Patient, then the three types as one search), which the record no longer does", async () => {
    const { jean, bernard } = await world();
    expect((await servePage(recordPage, `/pro/patients/${jean}`, { cookie: bernard.cookie, params: { patientId: jean } })).status).toBe(200);
    expect((await rowsOf(jean)).map((row) => row.entity).sort()).toEqual(["DocumentReference", "Patient"]);
    expect((await serve(jean, bernard.cookie)).status).toBe(200);
    // The questionnaires of « Mon bilan prévention » she shared are searched beside the calendar's record.
    expect((await rowsOf(jean)).slice(2)).toEqual([
      { entity: "Patient", outcome: "success" },
      expect.anything(),
      expect.anything(),
    ]);
    expect((await rowsOf(jean)).slice(3).map((row) => row.entity).sort()).toEqual(["Immunization,Condition,Procedure", "QuestionnaireResponse"]);
  });

  it("answers 404 with nothing of the patient to a professional they have not authorised or have blocked, and to made-up ids", async () => {
    const { jean, bernardId, bernard, petit } = await world();
    await (await systemRepository("pro-prevention-page-tests")).create(aBlock({ patientId: jean, practitionerId: bernardId }));
    for (const [who, id] of [[petit, jean], [bernard, jean], [petit, "6b1f4f0e-0000-4000-8000-000000000000"], [petit, "../../etc"]] as const) {
      const answer = await serve(id, who.cookie);
      expect(answer.status, id).toBe(404);
      expect(answer.html ?? "", id).not.toContain("Prevention");
    }
    // Refused at the Patient: nothing of the record was searched.
    expect(await rowsOf(jean)).toEqual([
      { entity: "Patient", outcome: "denied" },
      { entity: "Patient", outcome: "denied" },
    ]);
  });

  it("says prevention is not for emergency access, and reads nothing of it then", async () => {
    const { jean, petit } = await world();
    await db().sql.query("UPDATE auth_session SET emergency_patient_id = $1::uuid, emergency_until = now() + interval '1 hour' WHERE id = $2", [jean, petit.sessionId]);
    const answer = await serve(jean, petit.cookie);
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("La prévention n&#x27;est pas consultable en accès d&#x27;urgence");
    expect(answer.html).not.toContain("data-item=");
    expect((await rowsOf(jean)).map((row) => row.entity)).toEqual(["Patient"]);
    // The record under emergency access shows no prevention tab.
    const record = await servePage(recordPage, `/pro/patients/${jean}`, { cookie: petit.cookie, params: { patientId: jean } });
    expect(record.status).toBe(200);
    expect(record.html).not.toContain(`/pro/patients/${jean}/prevention`);
  });

  it("sends a patient to their own space and a visitor without a session to sign in", async () => {
    const { jean, jeanSession } = await world();
    expect(await serve(jean, jeanSession.cookie)).toEqual({ status: 307, redirect: "/espace" });
    expect(await serve(jean)).toEqual(toSignIn(`/pro/patients/${jean}/prevention`));
  });
});
