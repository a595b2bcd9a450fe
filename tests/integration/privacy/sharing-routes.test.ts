import type { Consent } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { createRepository } from "@/server/fhir/repository";
import { listAccessHistory } from "@/server/history/list-access-history";
import { choiceHistory } from "@/server/privacy/choice-history";
import { sharingOverview } from "@/server/privacy/sharing-overview";
import { aDocument } from "@/lib/fhir/builders/documents";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, idsOf } from "../fhir-api/http";
import { buildPrivacyWorld, noticeOf, post, type PrivacyWorld } from "./world";

const db = useTestDatabase();

/**
 * "Partage et confidentialité" through its form routes, as a browser posts them, with real
 * sessions; what the professional then gets is read through the FHIR API with their own
 * session: every change applies at their very next request.
 */
let world: PrivacyWorld;
beforeAll(async () => {
  world = await buildPrivacyWorld();
}, 120_000);

const camille = () => world.sessions.camille.cookie;
const documentsSeenBy = async (cookie: string) => {
  const answer = await fhir("GET", `DocumentReference?patient=${world.camilleId}&_count=50`, { cookie });
  return answer.status === 200 ? idsOf(answer).sort() : [];
};
const readBy = async (cookie: string, id: string) => (await fhir("GET", `DocumentReference/${id}`, { cookie })).status;
const camilleRepo = () => createRepository({ kind: "patient", accountId: world.sessions.camille.accountId, patientId: world.camilleId });
const consentCount = async () => (await db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "Consent" } })) as number;

describe("authorising a professional", () => {
  it("lets them in at the next request, at the level chosen, and withdrawing shuts them out at once", async () => {
    const { alpha, documents } = world;
    const drAlpha = world.sessions.alpha.cookie;
    expect(await readBy(drAlpha, documents.normal.id!)).toBe(404);

    let answer = await post("autoriser", { praticien: alpha, niveau: "N", jusqu_au: "" }, { cookie: camille() });
    expect(answer.status).toBe(303);
    expect(noticeOf(answer)).toBe("autorise");
    expect(await documentsSeenBy(drAlpha)).toEqual([documents.normal.id!]);

    answer = await post("autoriser", { praticien: alpha, niveau: "R", jusqu_au: "" }, { cookie: camille() });
    expect(noticeOf(answer)).toBe("modifie");
    expect(await documentsSeenBy(drAlpha)).toEqual([documents.normal.id!, documents.restricted.id!].sort());
    // Secret (V) documents are the patient's alone, whatever the level.
    expect(await readBy(drAlpha, documents.secret.id!)).toBe(404);

    answer = await post("retirer", { praticien: alpha }, { cookie: camille() });
    expect(noticeOf(answer)).toBe("retire");
    expect(await readBy(drAlpha, documents.normal.id!)).toBe(404);
  });

  it("keeps one Consent per professional: each change is a version, and the history tells them apart", async () => {
    const { beta } = world;
    await post("autoriser", { praticien: beta, niveau: "N", jusqu_au: "" }, { cookie: camille() });
    await post("autoriser", { praticien: beta, niveau: "N", jusqu_au: "2028-01-31" }, { cookie: camille() });
    const consents = await db().prisma.resource.findMany({ where: { patientId: world.camilleId, resourceType: "Consent", actorRef: `Practitioner/${beta}`, category: "authorise" } });
    expect(consents).toHaveLength(1);
    const stored = consents[0]!.content as unknown as Consent;
    // The last day is included, to 23:59:59 in Paris (UTC+1 in winter).
    expect(stored.provision?.period?.end).toBe("2028-01-31T22:59:59.999Z");
    await post("retirer", { praticien: beta }, { cookie: camille() });
    const { events } = await choiceHistory(await camilleRepo(), 1);
    const beta3 = events.filter((e) => e.professional === beta).map((e) => e.kind);
    expect(beta3).toEqual(["withdrawn", "changed", "authorised"]);
    expect(events.find((e) => e.professional === beta)?.name).toBe("Dr Bruno Bêta");
  });

  it("refuses a date in the past or beyond three years, and changes nothing", async () => {
    const before = await consentCount();
    for (const day of ["2001-01-01", "2099-01-01", "31/06/2027", "01/01/2001", "2027-02-30"]) {
      const answer = await post("autoriser", { praticien: world.beta, niveau: "N", jusqu_au: day }, { cookie: camille() });
      expect(noticeOf(answer), day).toBe("date");
    }
    expect(await consentCount()).toBe(before);
  });
});

describe("blocking", () => {
  it("beats an authorisation at the next request, and refuses a new authorisation until lifted", async () => {
    const { alpha, documents } = world;
    const drAlpha = world.sessions.alpha.cookie;
    await post("autoriser", { praticien: alpha, niveau: "N", jusqu_au: "" }, { cookie: camille() });
    expect(await readBy(drAlpha, documents.normal.id!)).toBe(200);
    expect(noticeOf(await post("bloquer", { praticien: alpha }, { cookie: camille() }))).toBe("bloque");
    expect(await readBy(drAlpha, documents.normal.id!)).toBe(404);
    expect(noticeOf(await post("autoriser", { praticien: alpha, niveau: "R", jusqu_au: "" }, { cookie: camille() }))).toBe("bloque_d_abord");
    expect(noticeOf(await post("debloquer", { praticien: alpha }, { cookie: camille() }))).toBe("debloque");
    // Unblocking gives back exactly what was chosen before: the standing authorisation at level N.
    expect(await documentsSeenBy(drAlpha)).toEqual([documents.normal.id!]);
    await post("retirer", { praticien: alpha }, { cookie: camille() });
  });
});

describe("emergency access extent", () => {
  it("opens restricted documents under break-glass only when the patient chose it, and nothing when refused", async () => {
    const { documents } = world;
    const emergencyRepo = () =>
      createRepository({ kind: "practitioner", accountId: "acc", practitionerId: world.beta, emergency: { patientId: world.camilleId, until: new Date(Date.now() + 600_000), reason: "test" } });
    const seen = async () => (await (await emergencyRepo()).search("DocumentReference", { patientId: world.camilleId, count: 50 })).resources.map((d) => d.id).sort();
    expect(await seen()).toEqual([documents.normal.id!]);
    expect(noticeOf(await post("urgence", { choix: "allowed-restricted" }, { cookie: camille() }))).toBe("urgence");
    expect(await seen()).toEqual([documents.normal.id!, documents.restricted.id!].sort());
    await post("urgence", { choix: "refused" }, { cookie: camille() });
    expect(await seen()).toEqual([]);
    await post("urgence", { choix: "allowed" }, { cookie: camille() });
    expect((await sharingOverview(await camilleRepo())).emergency).toBe("allowed");
    // One emergency Consent, versioned.
    expect(await db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "Consent", category: "emergency" } })).toBe(1);
  });
});

describe("default level and research", () => {
  it("gives new documents the chosen level, whoever adds them, and records the research choice", async () => {
    expect(noticeOf(await post("niveau", { niveau: "R" }, { cookie: camille() }))).toBe("niveau");
    const repo = await camilleRepo();
    const created = await repo.createDocument(aDocument({ patientId: world.camilleId, title: "Nouveau" }), { bytes: Buffer.from("%PDF-1.4\n%%EOF\n"), contentType: "application/pdf" });
    expect(created.meta?.security?.map((label) => label.code)).toEqual(["R"]);
    await post("niveau", { niveau: "N" }, { cookie: camille() });
    // Rules are read once per request: the next request (a new repository) sees the change.
    const plain = await (await camilleRepo()).createDocument(aDocument({ patientId: world.camilleId, title: "Nouveau 2" }), { bytes: Buffer.from("%PDF-1.4\n%%EOF\n"), contentType: "application/pdf" });
    expect(plain.meta?.security ?? []).toEqual([]);

    expect(noticeOf(await post("recherche", { choix: "oui" }, { cookie: camille() }))).toBe("recherche");
    expect((await sharingOverview(await camilleRepo())).research).toBe("allowed");
    await post("recherche", { choix: "non" }, { cookie: camille() });
    expect((await sharingOverview(await camilleRepo())).research).toBe("refused");
  });
});

describe("who may change the settings (SECURITY-CASES 7, 14, 23)", () => {
  it("refuses without a session, from another site, and for a caregiver without the right: nothing changes", async () => {
    const before = await consentCount();
    const fields = { praticien: world.alpha, niveau: "R", jusqu_au: "" };
    expect((await post("autoriser", fields)).status).toBe(401);
    expect((await post("autoriser", fields, { cookie: camille(), origin: "https://evil.example" })).status).toBe(403);
    expect((await post("autoriser", fields, { cookie: camille(), origin: null })).status).toBe(403);
    expect(noticeOf(await post("autoriser", fields, { cookie: world.sessions.helper.cookie }))).toBe("interdit");
    expect(noticeOf(await post("urgence", { choix: "refused" }, { cookie: world.sessions.helper.cookie }))).toBe("interdit");
    // A professional has no sharing settings to change, and no patient's either.
    expect((await post("bloquer", { praticien: world.beta }, { cookie: world.sessions.alpha.cookie })).status).toBe(404);
    expect(await consentCount()).toBe(before);
  });

  it("lets a caregiver with the right manage professionals, in the patient's space only, whatever the form says", async () => {
    const answer = await post("bloquer", { praticien: world.beta, patient: world.managerId, patientId: world.managerId }, { cookie: world.sessions.manager.cookie });
    expect(noticeOf(answer)).toBe("bloque");
    const blocks = await db().prisma.resource.findMany({ where: { resourceType: "Consent", category: "block", actorRef: `Practitioner/${world.beta}`, status: "active" } });
    expect(blocks.map((b) => b.patientId)).toEqual([world.camilleId]);
    await post("debloquer", { praticien: world.beta }, { cookie: world.sessions.manager.cookie });
  });

  it("answers 404 for a professional who is not in the directory, and refuses malformed forms", async () => {
    const before = await consentCount();
    expect((await post("bloquer", { praticien: crypto.randomUUID() }, { cookie: camille() })).status).toBe(404);
    // Only the date being wrong is called a date error: a forged professional or level with a
    // good date is a failed change, not « La date doit être un jour à venir ».
    for (const fields of [{}, { praticien: "../../etc" }, { praticien: "../../etc", niveau: "N", jusqu_au: "" }, { praticien: world.alpha, niveau: "X" }, { choix: "maybe" }]) {
      const answer = await post("autoriser", fields as Record<string, string>, { cookie: camille() });
      expect(noticeOf(answer), JSON.stringify(fields)).toBe("echec");
    }
    expect(noticeOf(await post("urgence", { choix: "<script>" }, { cookie: camille() }))).toBe("echec");
    expect(await consentCount()).toBe(before);
  });
});

describe("Je ne reconnais pas cet accès", () => {
  it("blocks the professional at once and flags the access; only a professional's access of one's own trail", async () => {
    const { alpha, documents } = world;
    const drAlpha = world.sessions.alpha.cookie;
    await post("autoriser", { praticien: alpha, niveau: "N", jusqu_au: "" }, { cookie: camille() });
    expect(await readBy(drAlpha, documents.normal.id!)).toBe(200);
    const access = await db().prisma.auditEvent.findFirst({ where: { patientId: world.camilleId, agent: `Practitioner/${alpha}`, interaction: "read" }, orderBy: { seq: "desc" } });
    expect(access).toBeTruthy();
    expect(noticeOf(await post("signaler", { acces: access!.id }, { cookie: camille() }))).toBe("signale");
    expect(await readBy(drAlpha, documents.normal.id!)).toBe(404);
    const flag = await db().prisma.auditEvent.findFirst({ where: { patientId: world.camilleId, interaction: "report-access", entity: `AuditEvent/${access!.id}` } });
    expect(flag?.agent).toBe(`Patient/${world.camilleId}`);
    // The history marks the reported entry (and only it) instead of offering the button again.
    const history = await listAccessHistory(await camilleRepo(), world.camilleId, 1);
    expect(history.entries.filter((entry) => entry.reported).map((entry) => entry.id)).toEqual([access!.id]);
    // Camille's own entries and unknown ids cannot be reported.
    const own = await db().prisma.auditEvent.findFirst({ where: { patientId: world.camilleId, agent: `Patient/${world.camilleId}` } });
    expect((await post("signaler", { acces: own!.id }, { cookie: camille() })).status).toBe(404);
    expect((await post("signaler", { acces: crypto.randomUUID() }, { cookie: camille() })).status).toBe(404);
    await post("debloquer", { praticien: alpha }, { cookie: camille() });
    await post("retirer", { praticien: alpha }, { cookie: camille() });
  });
});
