import type { Bundle, DocumentReference, Resource } from "@medplum/fhirtypes";
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/dossier/copie/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anImmunization } from "@/lib/fhir/builders/record";
import { aDelegation, aGuardianship, aHiddenDocument } from "@/lib/fhir/builders/rules";
import { SYSTEMS } from "@/lib/fhir/systems";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { personWithAccount } from "../delegations/world";
import { aPdf } from "../documents/world";
import { RECORD_COPIES_PER_HOUR } from "@/server/fhir/record-copy-limit";
import { appUrl, sessionOf, signIn, warmUpValidator } from "../fhir-api/http";

const db = useTestDatabase();

/** The copy's form as a browser sends it: a POST from the portal's own page, with the session's cookie. */
async function postCopy({ cookie, origin = appUrl() }: { cookie?: string; origin?: string | null } = {}): Promise<Response> {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", accept: "text/html" });
  if (origin) headers.set("origin", origin);
  if (cookie) headers.set("cookie", cookie);
  // A body naming another record: nothing in it may choose whose record is copied.
  const request = new Request(`${appUrl()}/api/dossier/copie`, { method: "POST", headers, body: new URLSearchParams({ patient: world.otherId }) });
  return inRequestScope(request, () => POST(request));
}

type Copy = { files: Record<string, Uint8Array>; bundle: Bundle; resources: Resource[] };

async function unzipped(response: Response): Promise<Copy> {
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const bundle = JSON.parse(strFromU8(files["dossier.json"]!)) as Bundle;
  return { files, bundle, resources: (bundle.entry ?? []).map((entry) => entry.resource!) };
}

const idsOf = (resources: Resource[], type: string) => resources.filter((r) => r.resourceType === type).map((r) => r.id).sort();

/** The trail rows of Camille's record written after `seq`. */
async function rowsSince(seq: number) {
  return db().sql.query<{ entity: string | null; interaction: string; outcome: string }>(
    "SELECT entity, interaction, outcome FROM audit_event WHERE patient_id = $1::uuid AND seq > $2 ORDER BY seq",
    [world.camilleId, seq],
  );
}
async function lastSeq(): Promise<number> {
  const [row] = await db().sql.query<{ seq: string | number | null }>("SELECT max(seq) AS seq FROM audit_event");
  return Number(row?.seq ?? 0);
}

let world: Awaited<ReturnType<typeof buildWorld>>;

/**
 * Camille's record: a report, the same report twice on one day (two files of one name), a title
 * that tries to leave the folder, a secret document (hers alone), a vaccination, a document hidden
 * from professionals; Léa, her caregiver, may read her documents and nothing else.
 */
async function buildWorld() {
  warmUpValidator();
  const system = await systemRepository("record-copy-tests");
  const camille = await personWithAccount(system, "Camille", "Copie", "female");
  const lea = await personWithAccount(system, "Lea", "Aidante", "female");
  const other = await personWithAccount(system, "Nadia", "Autre", "female");
  const date = "2025-03-14T09:00:00.000Z";
  const bytes: Record<string, Buffer> = {};
  async function addDocument(patientId: string, title: string, extra: { confidentiality?: "V" } = {}): Promise<DocumentReference> {
    const pdf = await aPdf([title, String(Object.keys(bytes).length)]);
    const document = await system.createDocument(aDocument({ patientId, title, date, author: `Patient/${patientId}`, ...extra }), { bytes: pdf, contentType: "application/pdf" });
    bytes[document.id!] = pdf;
    return document;
  }
  const report = await addDocument(camille.patientId, "Bilan sanguin");
  const sameName = await addDocument(camille.patientId, "Bilan sanguin");
  const hostile = await addDocument(camille.patientId, "../../etc/passwd");
  const secret = await addDocument(camille.patientId, "Note secrète", { confidentiality: "V" });
  const othersDocument = await addDocument(other.patientId, "Radio de Nadia");
  const vaccination = await system.create(anImmunization({ patientId: camille.patientId }));
  const hiding = await system.create(aHiddenDocument({ patientId: camille.patientId, documentIds: [hostile.id!] }));
  const tie = await system.create(
    aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Aidante" }, scopes: ["documents:read"], end: addDaysToDay(parisDayOf(new Date()), 60) }),
  );
  const practitioner = await system.create(aPractitioner({ given: "Sophie", family: "Copie" }));
  // Léo, 10, whose legal guardian Camille is; one of his consultations is his secret (a minor's right).
  const leoId = (await system.create(aPatient({ given: "Leo", family: "Copie", birthDate: "2016-09-10" }))).id!;
  await system.create(aGuardianship({ patientId: leoId, agentPatientId: camille.patientId, scopes: [], agentName: { given: "Camille", family: "Copie" } }));
  const leoReport = await addDocument(leoId, "Carnet de vaccination");
  const minorSecret = await system.createDocument(
    { ...aDocument({ patientId: leoId, title: "Consultation confidentielle", date, author: `Practitioner/${practitioner.id}` }), meta: { security: [{ system: SYSTEMS.privacyLabel, code: "minor-secret" }] } },
    { bytes: await aPdf(["Consultation confidentielle"]), contentType: "application/pdf" },
  );
  return {
    camilleId: camille.patientId,
    otherId: other.patientId,
    other: other.session,
    camille: camille.session,
    leaInCamille: await sessionOf(lea.account, camille.patientId),
    doctor: await signIn(`Practitioner/${practitioner.id}`),
    camilleForLeo: await sessionOf(camille.account, leoId),
    leo: { id: leoId, report: leoReport, minorSecret },
    docs: { report, sameName, hostile, secret, othersDocument },
    bytes,
    vaccination,
    hiding,
    tie,
  };
}

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe("the copy of her record, for the patient", () => {
  it("holds every resource of her record and each document's file, byte for byte, under safe names", async () => {
    const before = await lastSeq();
    const answer = await postCopy({ cookie: world.camille.cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/zip");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="copie-dossier-sante-\d{4}-\d{2}-\d{2}\.zip"/);
    const { files, bundle, resources } = await unzipped(answer);

    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("collection");
    expect(bundle.entry?.every((entry) => entry.fullUrl === `urn:uuid:${entry.resource?.id}`)).toBe(true);
    const { report, sameName, hostile, secret, othersDocument } = world.docs;
    expect(idsOf(resources, "Patient")).toEqual([world.camilleId]);
    expect(idsOf(resources, "DocumentReference")).toEqual([report.id, sameName.id, hostile.id, secret.id].sort());
    expect(idsOf(resources, "Immunization")).toEqual([world.vaccination.id]);
    expect(idsOf(resources, "Consent")).toEqual([world.hiding.id]);
    expect(idsOf(resources, "RelatedPerson")).toEqual([world.tie.id]);
    expect(JSON.stringify(bundle)).not.toContain(othersDocument.id!);

    const documents = Object.keys(files).filter((name) => name !== "dossier.json" && name !== "LISEZMOI.txt");
    expect(documents.sort()).toEqual(
      ["documents/2025-03-14 Bilan sanguin.pdf", "documents/2025-03-14 Bilan sanguin (2).pdf", "documents/2025-03-14 etc passwd.pdf", "documents/2025-03-14 Note secrète.pdf"].sort(),
    );
    // Each file is the one uploaded for its document (the two « Bilan sanguin » hold different bytes).
    const uploaded = [report, sameName, hostile, secret].map((document) => world.bytes[document.id!]!.toString("base64")).sort();
    expect(documents.map((name) => Buffer.from(files[name]!).toString("base64")).sort()).toEqual(uploaded);
    expect(strFromU8(files["LISEZMOI.txt"]!)).toContain("Copie du dossier de santé de Camille Copie");

    // The read of who she is, one « Export » of the record, the searches of its types, one download per file, all successes.
    const rows = await rowsSince(before);
    expect(rows.slice(0, 2)).toEqual([
      { entity: `Patient/${world.camilleId}`, interaction: "read", outcome: "success" },
      { entity: `Patient/${world.camilleId}`, interaction: "export", outcome: "success" },
    ]);
    expect(rows.filter((row) => row.interaction === "download").map((row) => row.entity).sort()).toEqual(
      [report, sameName, hostile, secret].map((document) => `DocumentReference/${document.id}`).sort(),
    );
    expect(rows.filter((row) => row.interaction === "search").map((row) => row.entity)).toEqual(expect.arrayContaining(["DocumentReference", "Immunization", "Consent", "RelatedPerson"]));
    expect(rows.every((row) => row.outcome === "success")).toBe(true);
  });
});

describe("the copy for a caregiver", () => {
  it("holds only what her rights let her read: no secret document, no vaccination, no sharing choices", async () => {
    const before = await lastSeq();
    const answer = await postCopy({ cookie: world.leaInCamille.cookie });
    expect(answer.status).toBe(200);
    const { files, resources } = await unzipped(answer);
    const { report, sameName, hostile, secret } = world.docs;
    expect(idsOf(resources, "Patient")).toEqual([world.camilleId]);
    expect(idsOf(resources, "DocumentReference")).toEqual([report.id, sameName.id, hostile.id].sort());
    expect(resources.map((r) => r.resourceType)).not.toEqual(expect.arrayContaining(["Immunization"]));
    expect(idsOf(resources, "Consent")).toEqual([]);
    expect(idsOf(resources, "RelatedPerson")).toEqual([]);
    expect(Object.keys(files)).not.toContain("documents/2025-03-14 Note secrète.pdf");
    expect(Object.keys(files).filter((name) => name.startsWith("documents/"))).toHaveLength(3);

    const rows = await rowsSince(before);
    expect(rows.filter((row) => row.interaction === "download").map((row) => row.entity)).not.toContain(`DocumentReference/${secret.id}`);
    expect(rows.filter((row) => row.interaction === "download")).toHaveLength(3);
    // The types her rights do not reach are not searched: no refusal written in Camille's trail.
    expect(rows.filter((row) => row.outcome !== "success")).toEqual([]);
  });
});

describe("the copy for a guardian, in her child's space", () => {
  it("is the child's record, without what the law lets a minor keep secret", async () => {
    const answer = await postCopy({ cookie: world.camilleForLeo.cookie });
    expect(answer.status).toBe(200);
    const { files, resources } = await unzipped(answer);
    expect(idsOf(resources, "Patient")).toEqual([world.leo.id]);
    expect(idsOf(resources, "DocumentReference")).toEqual([world.leo.report.id]);
    expect(JSON.stringify(resources)).not.toContain(world.leo.minorSecret.id!);
    expect(Object.keys(files).filter((name) => name.startsWith("documents/"))).toEqual(["documents/2025-03-14 Carnet de vaccination.pdf"]);
    expect(Buffer.from(files["documents/2025-03-14 Carnet de vaccination.pdf"]!).equals(world.bytes[world.leo.report.id!]!)).toBe(true);
  });
});

describe("the copy's refusals", () => {
  it("refuses a post from another site, or one without its origin, and writes nothing in the trail", async () => {
    const before = await lastSeq();
    expect((await postCopy({ cookie: world.camille.cookie, origin: null })).status).toBe(403);
    expect((await postCopy({ cookie: world.camille.cookie, origin: "https://ailleurs.example" })).status).toBe(403);
    expect(await rowsSince(before)).toEqual([]);
  });

  it("allows a few copies an hour per account, then says so on the copy's page, reading and writing nothing", async () => {
    // Nadia's record: the copy must not be a way to write thousands of rows in a trail a minute (case 45).
    for (let i = 0; i < RECORD_COPIES_PER_HOUR; i++) expect((await postCopy({ cookie: world.other.cookie })).status).toBe(200);
    const [before] = await db().sql.query<{ n: string | number }>("SELECT count(*) AS n FROM audit_event WHERE patient_id = $1::uuid", [world.otherId]);
    const refused = await postCopy({ cookie: world.other.cookie });
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/espace/copie?message=trop-de-copies");
    const [after] = await db().sql.query<{ n: string | number }>("SELECT count(*) AS n FROM audit_event WHERE patient_id = $1::uuid", [world.otherId]);
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it("sends a signed-out browser to sign in, then back to the copy's page", async () => {
    const answer = await postCopy();
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/connexion?vers=%2Fespace%2Fcopie");
  });

  it("answers a professional as for an address that does not exist", async () => {
    const before = await lastSeq();
    const answer = await postCopy({ cookie: world.doctor.cookie });
    expect(answer.status).toBe(404);
    expect(await rowsSince(before)).toEqual([]);
  });
});

/**
 * A caregiver's copy takes the patient's whole record out of the portal without her: she is told,
 * in her space and by e-mail whatever her preferences, naming no one; the notice leads to her
 * history, which says who. Her own copy, and a guardian's copy of a child's space (no account to
 * tell), tell no one.
 */
describe("the patient is told of a copy taken for her", () => {
  const noticesOf = (patientId: string) =>
    db().sql.query<{ link: string }>("SELECT link FROM notification WHERE patient_id = $1::uuid AND kind = 'record-copied-for-you'", [patientId]);
  const mailsOf = (patientId: string) =>
    db().sql.query<{ text_body: string }>(
      "SELECT o.text_body FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.fhir_ref = $1 AND o.kind = 'notification-record-copied-for-you'",
      [`Patient/${patientId}`],
    );

  it("by her caregiver, once a day, and not when she takes it herself", async () => {
    const camilles = (await noticesOf(world.camilleId)).length;
    expect((await postCopy({ cookie: world.camille.cookie })).status).toBe(200);
    expect(await noticesOf(world.camilleId)).toHaveLength(camilles);

    expect((await postCopy({ cookie: world.leaInCamille.cookie })).status).toBe(200);
    expect((await postCopy({ cookie: world.leaInCamille.cookie })).status).toBe(200);
    expect(await noticesOf(world.camilleId)).toEqual([{ link: "/espace/historique" }]);
    const mails = await mailsOf(world.camilleId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).not.toMatch(/Lea|Aidante|Bilan/);

    expect((await postCopy({ cookie: world.camilleForLeo.cookie })).status).toBe(200);
    expect(await noticesOf(world.leo.id)).toEqual([]);
  });
});
