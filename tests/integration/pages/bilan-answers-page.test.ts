import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import * as bilanPage from "@/pages/espace/prevention/bilan";
import * as answersPage from "@/pages/espace/prevention/bilan/[id]";
import * as proAnswersPage from "@/pages/pro/patients/[patientId]/bilan/[id]";
import * as proPreventionPage from "@/pages/pro/patients/[patientId]/prevention";
import { formatDateTime } from "@/lib/documents/format";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, anAuthorisation, confidentialityLabel } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, type SignedIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

const db = useTestDatabase();

/**
 * A filled questionnaire of « Mon bilan prévention » read again: by Rose (23, 18–25 band) in her
 * space, by Hugo her caregiver (record:read), and by Dr Bilan whom she authorises, from her
 * prevention tab. Rose filled in two, one kept to herself (V); Paul, whom Dr Bilan also follows,
 * shared one. Dr Urgence is let in on Rose's record by an emergency access alone; Dr Inconnu not at all.
 */
let ids: { rose: string; shared: string; kept: string; paul: string };
let sessions: Record<"rose" | "hugoForRose" | "doctor" | "urgence" | "stranger", SignedIn>;
const KEPT = "2026-03-04T09:30:00Z";
const SHARED = "2026-05-06T14:00:00Z";
const URL_18_25 = "https://espace-sante.example.org/fhir/Questionnaire/mon-bilan-prevention-18-25|2024";
const MISSING = "6b1f4f0e-0000-4000-8000-000000000000";

const answer = (linkId: string, valueString: string) => ({ linkId, answer: [{ valueString }] });

beforeAll(async () => {
  const system = await systemRepository("bilan-answers-page-tests");
  const rose = (await system.create(aPatient({ given: "Rose", family: "Bilan", birthDate: "2003-01-15", gender: "female" }))).id!;
  const hugo = (await system.create(aPatient({ given: "Hugo", family: "Bilan", birthDate: "1999-02-01" }))).id!;
  const paul = (await system.create(aPatient({ given: "Paul", family: "Autre", birthDate: "2004-04-04", gender: "male" }))).id!;
  const doctor = (await system.create(aPractitioner({ given: "Dr", family: "Bilan" }))).id!;
  const urgence = (await system.create(aPractitioner({ given: "Dr", family: "Urgence" }))).id!;
  const stranger = (await system.create(aPractitioner({ given: "Dr", family: "Inconnu" }))).id!;
  await system.create(aDelegation({ patientId: rose, agentPatientId: hugo, scopes: ["record:read"] }));
  await system.create(anAuthorisation({ patientId: rose, practitionerId: doctor }));
  await system.create(anAuthorisation({ patientId: paul, practitionerId: doctor }));
  const response = (patient: string, authored: string, kept: boolean, item: QuestionnaireResponse["item"]): QuestionnaireResponse => ({
    resourceType: "QuestionnaireResponse",
    meta: kept ? { security: [confidentialityLabel("V")] } : undefined,
    questionnaire: URL_18_25,
    status: "completed",
    subject: { reference: `Patient/${patient}` },
    authored,
    author: { reference: `Patient/${patient}` },
    item,
  });
  // As submit-bilan.ts stores them: only the answered questions, under their linkId.
  const shared = (await system.create(response(rose, SHARED, false, [answer("activite", "3 ou 4 jours"), answer("tabac", "Non, jamais"), answer("sujets", "Le sommeil avant les examens")]))).id!;
  const kept = (await system.create(response(rose, KEPT, true, [answer("cannabis", "Parfois")]))).id!;
  const paulShared = (await system.create(response(paul, SHARED, false, [answer("alcool", "Jamais")]))).id!;
  ids = { rose, shared, kept, paul: paulShared };
  sessions = {
    rose: await signIn(`Patient/${rose}`, { name: "Rose Bilan" }),
    hugoForRose: await signIn(`Patient/${hugo}`, { space: rose, name: "Hugo Bilan" }),
    doctor: await signIn(`Practitioner/${doctor}`, { name: "Dr Bilan" }),
    urgence: await signIn(`Practitioner/${urgence}`, { name: "Dr Urgence" }),
    stranger: await signIn(`Practitioner/${stranger}`, { name: "Dr Inconnu" }),
  };
  await db().sql.query("UPDATE auth_session SET emergency_patient_id = $1::uuid, emergency_until = now() + interval '1 hour' WHERE id = $2", [rose, sessions.urgence.sessionId]);
}, 60_000);

const serve = (id: string, cookie: string, address?: string) => servePage(answersPage, `/espace/prevention/bilan/${id}`, { cookie, params: { id }, address });
const servePro = (patientId: string, id: string, cookie: string, address?: string) =>
  servePage(proAnswersPage, `/pro/patients/${patientId}/bilan/${id}`, { cookie, params: { patientId, id }, address });

async function auditOf(address: string) {
  return db().sql.query<{ entity: string | null; interaction: string; outcome: string }>(
    "SELECT entity, interaction, outcome FROM audit_event WHERE patient_id = $1::uuid AND address = $2 ORDER BY seq",
    [ids.rose, address],
  );
}

/** Each question's text then its answer, in a dt and its dd. */
const qa = (question: string, reply: string) => new RegExp(`<dt[^>]*>${question.replace(/[?()]/g, "\\$&")}</dt><dd[^>]*>${reply}</dd>`);

describe("a filled questionnaire of « Mon bilan prévention », read again", () => {
  it("links each line of Rose's « Questionnaires déjà remplis » to its answers", async () => {
    const page = (await servePage(bilanPage, "/espace/prevention/bilan", { cookie: sessions.rose.cookie })).html!;
    expect(page).toMatch(new RegExp(`<a href="/espace/prevention/bilan/${ids.shared}"[^>]*>Le ${formatDateTime(new Date(SHARED))} : partagé`));
    expect(page).toMatch(new RegExp(`<a href="/espace/prevention/bilan/${ids.kept}"[^>]*>Le ${formatDateTime(new Date(KEPT))} : visible de vous seul`));
    // One answer is « 1 réponse », not « 1 réponses ».
    expect(page).toContain("visible de vous seul (1 réponse)</a>");
  });

  it("shows Rose every question of her band's questionnaire with her answer, a blank one as such, its date and sharing; the read is audited", async () => {
    const answered = await serve(ids.shared, sessions.rose.cookie, "10.0.47.61");
    expect(answered.status).toBe(200);
    const page = answered.html!;
    expect(page).toMatch(new RegExp(`<h1[^>]*>Mon questionnaire du ${formatDateTime(new Date(SHARED))}</h1>`));
    expect(page).toContain("Questionnaire des 18 à 25 ans");
    expect(page).toMatch(qa("Combien de jours par semaine avez-vous une activité physique d&#x27;au moins 30 minutes ?", "3 ou 4 jours"));
    expect(page).toMatch(qa("Fumez-vous ou vapotez-vous ?", "Non, jamais"));
    expect(page).toMatch(qa("Y a-t-il un sujet dont vous voudriez parler lors du bilan ? (facultatif)", "Le sommeil avant les examens"));
    expect(page).toMatch(qa("Dormez-vous bien ?", "Sans réponse"));
    expect(page).toContain("partagé avec les professionnels que vous avez autorisés");
    expect(page).toContain('href="/espace/prevention/bilan"');
    expect(await auditOf("10.0.47.61")).toContainEqual({ entity: `QuestionnaireResponse/${ids.shared}`, interaction: "read", outcome: "success" });
    const kept = await serve(ids.kept, sessions.rose.cookie);
    expect(kept.status).toBe(200);
    expect(kept.html).toMatch(qa("Consommez-vous du cannabis ou d&#x27;autres drogues ?", "Parfois"));
    expect(kept.html).toContain("visible de vous seul");
  });

  it("shows Hugo the shared one about Rose, and answers 404 for the one she kept, the refusal in her history", async () => {
    const shared = await serve(ids.shared, sessions.hugoForRose.cookie);
    expect(shared.status).toBe(200);
    expect(shared.html).toMatch(/<h1[^>]*>Questionnaire de Rose Bilan du /);
    expect(shared.html).toContain("partagé avec les professionnels autorisés par Rose Bilan");
    expect(shared.html).not.toMatch(/Mon questionnaire|que vous avez autorisés/);
    const kept = await serve(ids.kept, sessions.hugoForRose.cookie, "10.0.47.62");
    expect(kept.status).toBe(404);
    expect(kept.html).not.toContain("cannabis");
    expect(await auditOf("10.0.47.62")).toContainEqual({ entity: `QuestionnaireResponse/${ids.kept}`, interaction: "read", outcome: "denied" });
  });

  it("answers 404 for another patient's questionnaire and for ids that do not exist", async () => {
    for (const id of [ids.paul, MISSING, "../etc"]) {
      const answer = await serve(id, sessions.rose.cookie);
      expect(answer.status, id).toBe(404);
      expect(answer.html, id).not.toContain("Jamais");
    }
  });
});

describe("the questionnaires a patient shared, for the professional she authorises", () => {
  it("lists on her prevention tab the one she shared, linked to its answers, and not the one she kept", async () => {
    const tab = await servePage(proPreventionPage, `/pro/patients/${ids.rose}/prevention`, { cookie: sessions.doctor.cookie, params: { patientId: ids.rose } });
    expect(tab.status).toBe(200);
    expect(tab.html).toContain("Questionnaires « Mon bilan prévention » partagés");
    expect(tab.html).toMatch(new RegExp(`<a href="/pro/patients/${ids.rose}/bilan/${ids.shared}"[^>]*>Le ${formatDateTime(new Date(SHARED))} \\(3 réponses\\)</a>`));
    expect(tab.html).not.toContain(ids.kept);
    expect(tab.html).not.toContain(formatDateTime(new Date(KEPT)));
  });

  it("shows him the shared one's answers, audited, and answers 404 for the kept one and another patient's", async () => {
    const shared = await servePro(ids.rose, ids.shared, sessions.doctor.cookie, "10.0.47.63");
    expect(shared.status).toBe(200);
    expect(shared.html).toMatch(qa("Fumez-vous ou vapotez-vous ?", "Non, jamais"));
    expect(shared.html).toMatch(qa("Dormez-vous bien ?", "Sans réponse"));
    expect(shared.html).toContain(`href="/pro/patients/${ids.rose}/prevention"`);
    // Whose it is, in the heading and the browser's tab: not « Mon bilan prévention », the professional's own.
    expect(shared.html).toMatch(new RegExp(`<h1[^>]*>Questionnaire de Rose Bilan du ${formatDateTime(new Date(SHARED))}</h1>`));
    expect(shared.title).toBe("Bilan prévention de Rose Bilan");
    expect(await auditOf("10.0.47.63")).toContainEqual({ entity: `QuestionnaireResponse/${ids.shared}`, interaction: "read", outcome: "success" });
    expect(await auditOf("10.0.47.63")).toContainEqual({ entity: "Patient", interaction: "search", outcome: "success" });
    const kept = await servePro(ids.rose, ids.kept, sessions.doctor.cookie, "10.0.47.64");
    expect(kept.status).toBe(404);
    expect((await auditOf("10.0.47.64")).map((row) => row.entity)).not.toContain("Patient");
    expect(kept.html).not.toContain("cannabis");
    expect(await auditOf("10.0.47.64")).toContainEqual({ entity: `QuestionnaireResponse/${ids.kept}`, interaction: "read", outcome: "denied" });
    // Paul's, which he may read, under Rose's address: not shown in her record.
    expect((await servePro(ids.rose, ids.paul, sessions.doctor.cookie)).status).toBe(404);
    expect((await servePro(ids.rose, MISSING, sessions.doctor.cookie)).status).toBe(404);
  });

  it("answers 404 to a professional Rose does not authorise, the attempt in her history", async () => {
    const refused = await servePro(ids.rose, ids.shared, sessions.stranger.cookie, "10.0.47.66");
    expect(refused.status).toBe(404);
    expect(refused.html).not.toContain("Non, jamais");
    expect(await auditOf("10.0.47.66")).toContainEqual({ entity: `QuestionnaireResponse/${ids.shared}`, interaction: "read", outcome: "denied" });
  });

  it("gives a professional let in by an emergency access alone neither the list nor a questionnaire, and reads none", async () => {
    const tab = await servePage(proPreventionPage, `/pro/patients/${ids.rose}/prevention`, { cookie: sessions.urgence.cookie, params: { patientId: ids.rose }, address: "10.0.47.65" });
    expect(tab.status).toBe(200);
    expect(tab.html).not.toContain("/bilan/");
    expect((await servePro(ids.rose, ids.shared, sessions.urgence.cookie, "10.0.47.65")).status).toBe(404);
    expect((await auditOf("10.0.47.65")).map((row) => row.entity)).not.toContainEqual(expect.stringMatching(/^QuestionnaireResponse/));
  });
});
