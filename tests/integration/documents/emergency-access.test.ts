import { beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import type { PractitionerActor } from "@/server/access/actor";
import { checkSession } from "@/server/auth/check-session";
import { actorForSession } from "@/server/auth/actor-for-session";
import { listDocuments } from "@/server/documents/list-documents";
import { uploadDocument } from "@/server/documents/upload-document";
import { UploadRefused } from "@/server/documents/upload-policy";
import { emergencyNotices } from "@/server/emergency/emergency-notices";
import { reportUnrecognisedAccess } from "@/server/privacy/report-unrecognised-access";
import { unblockProfessional } from "@/server/privacy/unblock-professional";
import { parseEmergencyRequest } from "@/server/emergency/emergency-request";
import { openEmergencyAccess } from "@/server/emergency/open-emergency-access";
import { aBlock } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { aPdf, buildWorld, type World } from "./world";

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
  await world.addDocument({ patientId: world.ids.jean, kind: "discharge", title: "Lettre de sortie de Jean" });
  await world.addDocument({ kind: "lab", title: "Bilan de Camille" });
}, 120_000);

const REASON = "Patient inconscient admis aux urgences, recherche d'antécédents";

async function moreauWithSession() {
  const sessionId = await world.practitionerSession(world.ids.moreau);
  const session = await checkSession(sessionId, new Date());
  if (!session) throw new Error("no session");
  const actor = (await actorForSession(session)) as PractitionerActor;
  return { sessionId, actor, repo: await world.repoFor(actor, "Dr Inès Moreau") };
}

describe("the emergency form's input", () => {
  it("needs a name and birth date, or an INS, and a reason of 20 characters", () => {
    expect(parseEmergencyRequest({ family: "Martin", birthDate: "1950-06-02", reason: REASON })).toMatchObject({ criteria: { kind: "identity" } });
    expect(parseEmergencyRequest({ ins: "150 066 938 200 278", reason: REASON })).toMatchObject({ criteria: { kind: "ins", ins: "150066938200278" } });
    expect(parseEmergencyRequest({ family: "Martin", birthDate: "1950-06-02", reason: "urgence" })).toBeUndefined();
    expect(parseEmergencyRequest({ family: "Martin", reason: REASON })).toBeUndefined();
    expect(parseEmergencyRequest({ ins: "12345", reason: REASON })).toBeUndefined();
  });
});

describe("emergency access", () => {
  it("opens Jean's record to Dr Moreau for one hour, read-only, audited, and tells Jean", async () => {
    const { sessionId, repo } = await moreauWithSession();
    const request = parseEmergencyRequest({ family: world.identity.family.toUpperCase(), given: "jean", birthDate: "1950-06-02", reason: REASON })!;
    const outcome = await openEmergencyAccess(repo, sessionId, request);
    expect(outcome).toMatchObject({ ok: true, patientId: world.ids.jean, alreadyAuthorised: false });

    // The next request's actor carries the emergency, from the session row.
    const session = await checkSession(sessionId, new Date());
    expect(session?.emergency?.patientId).toBe(world.ids.jean);
    const until = session!.emergency!.until.getTime() - Date.now();
    expect(until).toBeGreaterThan(59 * 60_000);
    expect(until).toBeLessThanOrEqual(60 * 60_000);
    const actor = (await actorForSession(session!)) as PractitionerActor;
    const next = await world.repoFor(actor);
    const list = await listDocuments(next, world.ids.jean, parseDocumentFilters({}).filters);
    expect(list.items.map((d) => d.title)).toContain("Lettre de sortie de Jean");
    // Read-only: break-glass gives no right to write.
    await expect(uploadDocument(next, { patientId: world.ids.jean, title: "x", kind: "consultation", date: "2024-01-01", bytes: await aPdf(["x"]) })).rejects.toBeInstanceOf(UploadRefused);
    // Only Jean's record: Camille's stays closed.
    const camille = await listDocuments(next, world.ids.camille, parseDocumentFilters({}).filters);
    expect(camille.total).toBe(0);

    const row = await db().prisma.auditEvent.findFirst({ where: { patientId: world.ids.jean, interaction: "emergency-access", outcome: "success" } });
    expect(row).toMatchObject({ agent: `Practitioner/${world.ids.moreau}`, agentName: "Dr Inès Moreau" });
    expect(row?.detail).toMatchObject({ reason: REASON });

    const jean = await world.repoFor(world.actors.jean);
    const notices = await emergencyNotices(jean);
    expect(notices).toEqual([expect.objectContaining({ practitioner: "Dr Inès Moreau", reason: REASON, reported: false })]);
    // "Je ne reconnais pas cet accès" on the notice: Dr Moreau is blocked and the notice says it was reported.
    await reportUnrecognisedAccess(jean, notices[0]!.entryId);
    expect(await emergencyNotices(jean)).toEqual([expect.objectContaining({ entryId: notices[0]!.entryId, reported: true })]);
    expect((await jean.rules(world.ids.jean)).blocked.has(world.ids.moreau)).toBe(true);
    await unblockProfessional(jean, world.ids.moreau); // the next tests need Dr Moreau unblocked
    // A caregiver without privacy:manage is not shown Jean's trail.
    expect(await emergencyNotices(await world.repoFor(world.actors.camilleForJean))).toEqual([]);
  });

  it("finds a patient by INS too", async () => {
    const { sessionId, repo } = await moreauWithSession();
    const outcome = await openEmergencyAccess(repo, sessionId, parseEmergencyRequest({ ins: world.identity.ins, reason: REASON })!);
    expect(outcome).toMatchObject({ ok: true, patientId: world.ids.jean });
  });

  it("answers the same for an unknown patient, a blocked professional and a patient who refused it", async () => {
    const refusedWorld = await buildWorld({ jeanEmergency: false });
    const { sessionId, repo } = await moreauWithSession();
    const unknown = await openEmergencyAccess(repo, sessionId, parseEmergencyRequest({ family: "Personne", birthDate: "1901-01-01", reason: REASON })!);
    const refused = await openEmergencyAccess(
      repo,
      sessionId,
      parseEmergencyRequest({ family: refusedWorld.identity.family, birthDate: "1950-06-02", reason: REASON })!,
    );
    expect(unknown).toEqual({ ok: false, reason: "refused" });
    expect(refused).toEqual(unknown);
    // Dr Petit, blocked by Camille, cannot get in through emergency access (SECURITY-CASES 27):
    // as a cardiologist he may not break the glass at all (SECURITY-CASES 44).
    const petitSession = await world.practitionerSession(world.ids.petit);
    const petit = await world.repoFor(world.actors.petit);
    const camilleRequest = parseEmergencyRequest({ family: world.identity.family, given: "Camille", birthDate: "1985-03-14", reason: REASON })!;
    expect(await openEmergencyAccess(petit, petitSession, camilleRequest)).toEqual({ ok: false, reason: "role" });
    expect((await checkSession(petitSession, new Date()))?.emergency).toBeNull();
    // An emergency physician Camille blocked gets the same answer as for an unknown patient.
    await world.system.create(aBlock({ patientId: world.ids.camille, practitionerId: world.ids.moreau }));
    const blocked = await openEmergencyAccess(repo, sessionId, camilleRequest);
    expect(blocked).toEqual(unknown);
    expect((await checkSession(sessionId, new Date()))?.emergency?.patientId).not.toBe(world.ids.camille);
    // The refused attempts on existing patients are in their trails.
    const denied = await db().prisma.auditEvent.findMany({ where: { interaction: "emergency-access", outcome: "denied", patientId: { in: [refusedWorld.ids.jean, world.ids.camille] } } });
    expect(denied.map((r) => r.reason).sort()).toEqual(["blocked", "not-authorised"]);
  });

  it("is throttled per professional", async () => {
    const other = await world.practitionerSession(world.ids.moreau);
    const actor = { ...world.actors.moreau, practitionerId: world.ids.petit };
    const repo = await world.repoFor(actor);
    const results = [];
    for (let i = 0; i < 12; i++) {
      results.push(await openEmergencyAccess(repo, other, parseEmergencyRequest({ family: "Personne", birthDate: "1901-01-01", reason: REASON })!));
    }
    expect(results.at(-1)).toEqual({ ok: false, reason: "throttled" });
  });
});

describe("a professional's patients", () => {
  it("lists the patients who authorise Dr Bernard, and nobody for the others", async () => {
    const letIn = async (actor: Parameters<typeof world.repoFor>[0]) => (await (await world.repoFor(actor)).practitionerPatients()).patients;
    const bernard = await letIn(world.actors.bernard);
    expect(bernard.map((p) => p.patientId).sort()).toEqual([world.ids.camille, world.ids.jean].sort());
    expect(bernard[0]?.access).toEqual({ restricted: false, until: undefined });
    expect(await letIn(world.actors.petit)).toEqual([]);
    expect(await letIn(world.actors.camille)).toEqual([]);
  });
});
