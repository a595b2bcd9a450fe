import type { AuditEvent, DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as openEmergency } from "@/app/(pro)/pro/urgence/ouvrir/route";
import { checkSession } from "@/server/auth/check-session";
import { systemRepository } from "@/server/fhir/repository";
import { PRACTITIONERS } from "@/lib/demo/personas";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "../audit/owner-sql";
import { appUrl, bundleOf, fhir, signIn, warmUpValidator, type SignedIn } from "./http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { uniqueFamilyName } from "../unique-family-name";
import { noticeOf, post } from "../privacy/world";

const db = useTestDatabase();

/**
 * SECURITY-CASES 44 through the portal's emergency form and the FHIR API: a GP or a
 * cardiologist cannot break the glass (their role, in the directory, does not allow it); the
 * emergency physician can, and what she then reads is recorded as break-the-glass (AuditEvent
 * purposeOfEvent BTG) in the patient's trail, but not once the patient authorises her; the
 * access and its audit row are committed together or not at all.
 */
const REASON = "Patiente inconsciente admise aux urgences, recherche d'antécédents";
let jean = "";
let family = "";
let letter: DocumentReference;
let bernard: SignedIn;
let petit: SignedIn;
let moreau: SignedIn;
let moreauId = "";
let jeanCookie = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("emergency-access-http-tests");
  family = uniqueFamilyName("Urgence");
  jean = (await system.create(aPatient({ given: "Jean", family, birthDate: "1950-06-02" }))).id!;
  const pros: Record<"bernard" | "petit" | "moreau", string> = { bernard: "", petit: "", moreau: "" };
  for (const persona of ["bernard", "petit", "moreau"] as const) {
    const identity = PRACTITIONERS[persona];
    pros[persona] = (await system.create(aPractitioner({ given: identity.given, family: identity.family }))).id!;
    await system.create(aPractitionerRole({ practitionerId: pros[persona], specialty: identity.specialty }));
  }
  moreauId = pros.moreau;
  await system.create(anAuthorisation({ patientId: jean, practitionerId: pros.bernard }));
  letter = await system.create(aDocument({ patientId: jean, kind: "discharge", title: "Lettre de sortie", author: `Practitioner/${pros.bernard}` }));
  bernard = await signIn(`Practitioner/${pros.bernard}`, { name: "Dr Sophie Bernard" });
  petit = await signIn(`Practitioner/${pros.petit}`, { name: "Dr Marc Petit" });
  moreau = await signIn(`Practitioner/${pros.moreau}`, { name: "Dr Inès Moreau" });
  jeanCookie = (await signIn(`Patient/${jean}`)).cookie;
}, 60_000);

/** The emergency form posted from the portal's own page. */
async function breakGlass(who: SignedIn, fields: Record<string, string> = { nom: family, naissance: "1950-06-02", motif: REASON }): Promise<Response> {
  const request = new Request(`${appUrl()}/pro/urgence/ouvrir`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: who.cookie },
    body: new URLSearchParams(fields),
  });
  return inRequestScope(request, () => openEmergency(request));
}

async function emergencyRows(): Promise<{ agent: string; outcome: string }[]> {
  return db().prisma.auditEvent.findMany({ where: { patientId: jean, interaction: "emergency-access" }, select: { agent: true, outcome: true } });
}

async function trail(): Promise<AuditEvent[]> {
  const answer = await fhir("GET", `AuditEvent?patient=${jean}&_count=100`, { cookie: jeanCookie });
  expect(answer.status, answer.text).toBe(200);
  return (bundleOf(answer).entry ?? []).map((entry) => entry.resource as AuditEvent);
}

const isBtg = (event: AuditEvent) => (event.purposeOfEvent ?? []).some((p) => p.coding?.some((c) => c.code === "BTG"));
const readsOfLetter = (events: AuditEvent[]) =>
  events.filter((e) => e.subtype?.some((c) => c.code === "read") && e.entity?.some((x) => x.what?.reference === `DocumentReference/${letter.id}`));

describe("only professionals whose role allows it break the glass", () => {
  it.each([
    ["the GP", () => bernard],
    ["the cardiologist", () => petit],
  ])("%s is refused, told why, and nothing opens", async (_who, account) => {
    const before = await emergencyRows();
    const answer = await breakGlass(account());
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/pro/urgence?erreur=role");
    expect((await checkSession(account().sessionId, new Date()))?.emergency).toBeNull();
    expect(await emergencyRows()).toEqual(before);
  });
});

describe("the emergency physician", () => {
  it("opens the record; her reads are recorded as break-the-glass and shown to the patient that way", async () => {
    const answer = await breakGlass(moreau);
    expect(answer.headers.get("location")).toBe(`/pro/patients/${jean}`);
    expect((await checkSession(moreau.sessionId, new Date()))?.emergency?.patientId).toBe(jean);
    const read = await fhir("GET", `DocumentReference/${letter.id}`, { cookie: moreau.cookie });
    expect(read.status, read.text).toBe(200);

    const events = await trail();
    const opening = events.find((e) => e.subtype?.some((c) => c.code === "emergency-access"));
    expect(opening && isBtg(opening)).toBe(true);
    const moreauReads = readsOfLetter(events).filter((e) => e.agent?.[0]?.who?.reference === `Practitioner/${moreauId}`);
    expect(moreauReads).toHaveLength(1);
    expect(moreauReads.every(isBtg)).toBe(true);
    // The GP, authorised by Jean, reads as usual: not labelled an emergency.
    expect((await fhir("GET", `DocumentReference/${letter.id}`, { cookie: bernard.cookie })).status).toBe(200);
    const bernardReads = readsOfLetter(await trail()).filter((e) => e.agent?.[0]?.who?.reference !== `Practitioner/${moreauId}`);
    expect(bernardReads.length).toBeGreaterThan(0);
    expect(bernardReads.some(isBtg)).toBe(false);
  });

  it("reads as usual once the patient authorises her, though her emergency access is still open", async () => {
    await (await systemRepository("emergency-access-http-tests")).create(anAuthorisation({ patientId: jean, practitionerId: moreauId }));
    const before = readsOfLetter(await trail()).length;
    expect((await fhir("GET", `DocumentReference/${letter.id}`, { cookie: moreau.cookie })).status).toBe(200);
    const reads = readsOfLetter(await trail());
    expect(reads.length).toBe(before + 1);
    // Newest first: the read just made.
    expect(isBtg(reads[0]!)).toBe(false);
  });
});

describe("the access and its trace are one", () => {
  it("leaves no emergency open when its audit row cannot be written", async () => {
    const system = await systemRepository("emergency-access-http-tests");
    const other = (await system.create(aPatient({ given: "Paul", family, birthDate: "1961-09-09" }))).id!;
    const late = await signIn(`Practitioner/${moreauId}`, { name: "Dr Inès Moreau" });
    const name = `test_refuse_btg_${other.slice(0, 8)}`;
    // The audit insert fails for this patient's emergency access only (as a full disk or a lost
    // connection would), set up by the database owner.
    await asOwner(db(), async (owner) => {
      await owner.exec(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.patient_id = '${other}'::uuid AND NEW.interaction = 'emergency-access' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`);
      await owner.exec(`CREATE TRIGGER ${name} BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    });
    try {
      await expect(breakGlass(late, { nom: family, naissance: "1961-09-09", motif: REASON })).rejects.toThrow();
    } finally {
      await asOwner(db(), async (owner) => {
        await owner.exec(`DROP TRIGGER ${name} ON audit_event`);
        await owner.exec(`DROP FUNCTION ${name}()`);
      });
    }
    expect((await checkSession(late.sessionId, new Date()))?.emergency).toBeNull();
  });
});

/**
 * Found by an exploratory test of the demo: the patient stops an emergency access (refuses
 * emergency access, or blocks the physician with « Je ne reconnais pas cet accès »), then lifts
 * that choice within the hour (emergency allowed again for the future, « Débloquer »). The access
 * she stopped must not come back: a new one takes a new reason, a new trail row and a new notice.
 */
describe("a refusal or a block ends an open emergency access for good", () => {
  async function anOpenEmergency(birthDate: string) {
    const system = await systemRepository("emergency-access-http-tests");
    const patientId = (await system.create(aPatient({ given: "Lucie", family, birthDate }))).id!;
    const document = await system.create(aDocument({ patientId, kind: "discharge", title: "Compte rendu", author: `Practitioner/${moreauId}` }));
    const patient = await signIn(`Patient/${patientId}`);
    const physician = await signIn(`Practitioner/${moreauId}`, { name: "Dr Inès Moreau" });
    expect((await breakGlass(physician, { nom: family, naissance: birthDate, motif: REASON })).headers.get("location")).toBe(`/pro/patients/${patientId}`);
    const reads = async () => (await fhir("GET", `DocumentReference/${document.id}`, { cookie: physician.cookie })).status;
    expect(await reads()).toBe(200);
    return { patientId, patient, physician, reads };
  }

  it("refused, then allowed again: the physician's access stays closed", async () => {
    const { patient, physician, reads } = await anOpenEmergency("1972-04-18");
    expect(noticeOf(await post("urgence", { choix: "refused" }, { cookie: patient.cookie }))).toBe("urgence");
    expect(await reads()).toBe(404);
    expect(noticeOf(await post("urgence", { choix: "allowed" }, { cookie: patient.cookie }))).toBe("urgence");
    expect(await reads()).toBe(404);
    expect((await checkSession(physician.sessionId, new Date()))?.emergency).toBeNull();
  });

  it("blocked, then unblocked: the physician's access stays closed; another physician's is untouched", async () => {
    const { patientId, patient, physician, reads } = await anOpenEmergency("1968-11-02");
    const colleagueId = (await (await systemRepository("emergency-access-http-tests")).create(aPractitioner({ given: "Yann", family: "Urgences" }))).id!;
    const colleague = await signIn(`Practitioner/${colleagueId}`);
    // As if the colleague had broken the glass on the same record (her role is the directory's).
    await db().prisma.authSession.update({ where: { id: colleague.sessionId }, data: { emergencyPatientId: patientId, emergencyUntil: new Date(Date.now() + 600_000) } });
    expect(noticeOf(await post("bloquer", { praticien: moreauId }, { cookie: patient.cookie }))).toBe("bloque");
    expect(await reads()).toBe(404);
    expect(noticeOf(await post("debloquer", { praticien: moreauId }, { cookie: patient.cookie }))).toBe("debloque");
    expect(await reads()).toBe(404);
    expect((await checkSession(physician.sessionId, new Date()))?.emergency).toBeNull();
    expect((await checkSession(colleague.sessionId, new Date()))?.emergency?.patientId).toBe(patientId);
  });
});
