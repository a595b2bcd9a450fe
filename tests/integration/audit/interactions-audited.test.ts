import type { Patient } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { PractitionerActor } from "@/server/access/actor";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { checkSession } from "@/server/auth/check-session";
import { actorForSession } from "@/server/auth/actor-for-session";
import { parseEmergencyRequest } from "@/server/emergency/emergency-request";
import { openEmergencyAccess } from "@/server/emergency/open-emergency-access";
import { openLink } from "@/server/sharing/open-link";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { validateForWrite } from "@/server/fhir/validate";
import { useTestDatabase } from "../../setup/test-database";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { buildWorld as buildDocumentsWorld, type World as DocumentsWorld } from "../documents/world";
import { buildWorld as buildPrescriptionsWorld, type World as PrescriptionsWorld } from "../prescriptions/world";

// Issue 3: every read, search, create, update, delete, share, link opening, emergency access and
// denied attempt on patient data writes one audit row, naming who acted and the outcome.
const db = useTestDatabase();

let rx: PrescriptionsWorld;
let docs: DocumentsWorld;
beforeAll(async () => {
  // The validator's index, built outside any write's transaction (it is slow on a loaded machine).
  validateForWrite(aPatient());
  rx = await buildPrescriptionsWorld();
  docs = await buildDocumentsWorld();
}, 120_000);

/** The rows `action` adds to a patient's trail. */
async function rowsAddedBy(patientId: string, action: () => Promise<unknown>) {
  const { prisma } = db();
  const last = await prisma.auditEvent.findFirst({ where: { patientId }, orderBy: { seq: "desc" }, select: { seq: true } });
  await action();
  const rows = await prisma.auditEvent.findMany({ where: { patientId, seq: { gt: last?.seq ?? 0n } }, orderBy: { seq: "asc" } });
  return rows.map((r) => ({ interaction: r.interaction, outcome: r.outcome, entity: r.entity, agent: r.agent, reason: r.reason, agentName: r.agentName }));
}

describe("one audit row per interaction with patient data", () => {
  it("read, search, create, update and delete", async () => {
    const camille = rx.camilleId;
    const repo = await rx.repoFor(rx.actors.camille, "Camille Martin");
    const agent = `Patient/${camille}`;
    expect(await rowsAddedBy(camille, () => repo.read("Patient", camille))).toEqual([
      { interaction: "read", outcome: "success", entity: `Patient/${camille}`, agent, reason: null, agentName: "Camille Martin" },
    ]);
    expect(await rowsAddedBy(camille, () => repo.search("MedicationRequest", { patientId: camille }))).toMatchObject([
      { interaction: "search", outcome: "success", entity: "MedicationRequest", agent },
    ]);
    let conditionId = "";
    expect(await rowsAddedBy(camille, async () => (conditionId = (await repo.create(aCondition({ patientId: camille }))).id!))).toMatchObject([
      { interaction: "create", outcome: "success", entity: `Condition/${conditionId}`, agent },
    ]);
    const me = await repo.read<Patient>("Patient", camille);
    expect(await rowsAddedBy(camille, () => repo.update({ ...me, telecom: [{ system: "phone", value: "0600000000" }] }))).toMatchObject([
      { interaction: "update", outcome: "success", entity: `Patient/${camille}`, agent },
    ]);
    const mine = await repo.createDocument(aDocument({ patientId: camille, author: agent, kind: "personal", title: "Note" }), {
      bytes: Buffer.from("%PDF-1.4\n%%EOF\n"),
      contentType: "application/pdf",
    });
    expect(await rowsAddedBy(camille, () => repo.delete("DocumentReference", mine.id!))).toMatchObject([
      { interaction: "delete", outcome: "success", entity: `DocumentReference/${mine.id}`, agent },
    ]);
  });

  it("a share, and a link opened with a wrong then the right passcode", async () => {
    const jean = rx.jeanId;
    const repo = await rx.repoFor(rx.actors.jean, "Jean Martin");
    let shared: Awaited<ReturnType<typeof sharePrescription>> | undefined;
    const sharing = await rowsAddedBy(jean, async () => {
      shared = await sharePrescription(repo, { prescriptionId: rx.jeanActive.prescriptionId, withPasscode: true }, "https://sante.example");
    });
    const link = shared!;
    expect(sharing.filter((r) => r.interaction === "share")).toEqual([
      { interaction: "share", outcome: "success", entity: `ShareLink/${link.linkId}`, agent: `Patient/${jean}`, reason: null, agentName: "Jean Martin" },
    ]);
    const input = { linkId: link.linkId, secret: link.url.split("#")[1] ?? "", pharmacy: "Pharmacie des Tests", address: "192.0.2.50" };
    const wrong = link.passcode === "000000" ? "111111" : "000000";
    const agent = `Link/${link.linkId}`;
    expect(await rowsAddedBy(jean, () => openLink({ ...input, passcode: wrong }, new Date()))).toMatchObject([
      { interaction: "link-passcode-failed", outcome: "denied", entity: `ShareLink/${link.linkId}`, agent, reason: "wrong-passcode", agentName: "Pharmacie des Tests" },
    ]);
    expect(await rowsAddedBy(jean, () => openLink({ ...input, passcode: link.passcode! }, new Date()))).toMatchObject([
      { interaction: "link-open", outcome: "success", entity: `ShareLink/${link.linkId}`, agent, agentName: "Pharmacie des Tests" },
    ]);
  });

  it("an emergency access, with its reason", async () => {
    const jean = docs.ids.jean;
    const sessionId = await docs.practitionerSession(docs.ids.moreau);
    const session = await checkSession(sessionId, new Date());
    const actor = (await actorForSession(session!)) as PractitionerActor;
    const repo = await docs.repoFor(actor, "Dr Inès Moreau");
    const reason = "Patient inconscient admis aux urgences, recherche d'antécédents";
    const request = parseEmergencyRequest({ family: docs.identity.family, birthDate: "1950-06-02", reason })!;
    const rows = await rowsAddedBy(jean, async () => expect(await openEmergencyAccess(repo, sessionId, request)).toMatchObject({ ok: true }));
    expect(rows).toMatchObject([{ interaction: "emergency-access", outcome: "success", entity: `Patient/${jean}`, agent: `Practitioner/${docs.ids.moreau}` }]);
    const row = await db().prisma.auditEvent.findFirstOrThrow({ where: { patientId: jean, interaction: "emergency-access" }, orderBy: { seq: "desc" } });
    expect(row.detail).toMatchObject({ reason });
  });

  it("denied attempts: a read, a search, a write and a share", async () => {
    const jean = rx.jeanId;
    const camille = await rx.repoFor(rx.actors.camille);
    expect(await rowsAddedBy(jean, () => camille.read("Patient", jean).catch(() => undefined))).toMatchObject([
      { interaction: "read", outcome: "denied", entity: `Patient/${jean}`, agent: `Patient/${rx.camilleId}` },
    ]);
    const bernard = await rx.repoFor(rx.actors.bernard);
    expect(await rowsAddedBy(jean, () => bernard.search("MedicationRequest", { patientId: jean }))).toMatchObject([
      { interaction: "search", outcome: "denied", entity: "MedicationRequest", agent: `Practitioner/${rx.bernard.id}` },
    ]);
    expect(await rowsAddedBy(jean, () => camille.create(aCondition({ patientId: jean })).catch(() => undefined))).toMatchObject([
      { interaction: "create", outcome: "denied", agent: `Patient/${rx.camilleId}` },
    ]);
    const nadia = await rx.repoFor(rx.actors.nadiaForJean);
    const refused = await rowsAddedBy(jean, () =>
      sharePrescription(nadia, { prescriptionId: rx.jeanActive.prescriptionId, withPasscode: true }, "https://sante.example").catch(() => undefined),
    );
    expect(refused.filter((r) => r.interaction === "share")).toMatchObject([{ interaction: "share", outcome: "denied", reason: "scope-missing" }]);
  });

  it("leaves the trails it wrote intact", async () => {
    const report = await verifyAuditChain(db().sql, { patientIds: [rx.camilleId, rx.jeanId, docs.ids.jean, docs.ids.camille] });
    expect(report.chains.map((c) => c.problems)).toEqual([[], [], [], []]);
  });
});
