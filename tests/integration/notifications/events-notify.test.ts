import { beforeAll, describe, expect, it } from "vitest";
import type { PractitionerActor } from "@/server/access/actor";
import { actorForSession } from "@/server/auth/actor-for-session";
import { checkSession } from "@/server/auth/check-session";
import { uploadDocument } from "@/server/documents/upload-document";
import { parseEmergencyRequest } from "@/server/emergency/emergency-request";
import { openEmergencyAccess } from "@/server/emergency/open-emergency-access";
import { noteFirstAccess } from "@/server/notifications/note-first-access";
import { useTestDatabase } from "../../setup/test-database";
import { aPdf, buildWorld, type World } from "../documents/world";

/** The events the portal already had now leave a notification, written with the event. */
const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

async function noticesOf(patientId: string) {
  return db().sql.query<{ kind: string; urgent: boolean; link: string }>("SELECT kind, urgent, link FROM notification WHERE patient_id = $1::uuid ORDER BY created_at", [patientId]);
}

const upload = (bytes: Buffer, patientId: string) => ({ title: "Compte rendu", kind: "consultation", date: "2024-06-01", fileName: "cr.pdf", bytes, patientId });

describe("events that notify", () => {
  it("a document added by a professional notifies the patient (once, linking to it); one's own upload does not", async () => {
    const before = (await noticesOf(world.ids.camille)).length;
    await uploadDocument(await world.repoFor(world.actors.camille), upload(await aPdf(["Mon scan"]), world.ids.camille));
    expect(await noticesOf(world.ids.camille)).toHaveLength(before);

    const document = await uploadDocument(await world.repoFor(world.actors.bernard), upload(await aPdf(["Compte rendu"]), world.ids.camille));
    const after = await noticesOf(world.ids.camille);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ kind: "document-added", link: `/espace/documents/${document.id}` });
  });

  it("a refused upload by a blocked professional notifies nothing", async () => {
    const before = (await noticesOf(world.ids.camille)).length;
    await expect(uploadDocument(await world.repoFor(world.actors.petit), upload(await aPdf(["x"]), world.ids.camille))).rejects.toThrow();
    expect(await noticesOf(world.ids.camille)).toHaveLength(before);
  });

  it("an emergency access notifies the patient, marked urgent", async () => {
    const sessionId = await world.practitionerSession(world.ids.moreau);
    const session = (await checkSession(sessionId, new Date()))!;
    const repo = await world.repoFor((await actorForSession(session)) as PractitionerActor);
    const request = parseEmergencyRequest({ ins: world.identity.ins, reason: "Patient inconscient admis aux urgences cette nuit" })!;
    expect(await openEmergencyAccess(repo, sessionId, request)).toMatchObject({ ok: true });
    expect(await noticesOf(world.ids.jean)).toContainEqual({ kind: "emergency-access", urgent: true, link: "/espace/historique" });
  });

  it("a professional's first look at the record notifies once, however many visits follow", async () => {
    const bernard = await world.repoFor(world.actors.bernard);
    await noteFirstAccess(bernard, world.ids.jean);
    await noteFirstAccess(bernard, world.ids.jean);
    expect((await noticesOf(world.ids.jean)).filter((n) => n.kind === "pro-first-access")).toHaveLength(1);
    // The process remembers the notice it wrote (note-first-access.ts), per professional and
    // patient: another patient's record, or another professional, is still a first look.
    await noteFirstAccess(bernard, world.ids.camille);
    await noteFirstAccess(await world.repoFor(world.actors.petit), world.ids.jean);
    await noteFirstAccess(bernard, world.ids.camille);
    expect((await noticesOf(world.ids.camille)).filter((n) => n.kind === "pro-first-access")).toHaveLength(1);
    expect((await noticesOf(world.ids.jean)).filter((n) => n.kind === "pro-first-access")).toHaveLength(2);
  });
});
