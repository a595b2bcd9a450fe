import { beforeAll, describe, expect, it } from "vitest";
import type { PractitionerActor } from "@/server/access/actor";
import { checkSession } from "@/server/auth/check-session";
import { actorForSession } from "@/server/auth/actor-for-session";
import { getDocument } from "@/server/documents/get-document";
import { parseEmergencyRequest } from "@/server/emergency/emergency-request";
import { openEmergencyAccess } from "@/server/emergency/open-emergency-access";
import { HISTORY_PAGE_SIZE, listAccessHistory } from "@/server/history/list-access-history";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

useTestDatabase();

let world: World;
let letterId: string;
beforeAll(async () => {
  world = await buildWorld();
  letterId = (await world.addDocument({ patientId: world.ids.jean, kind: "discharge", title: "Lettre de sortie" })).id!;
}, 120_000);

const REASON = "Patient inconscient aux urgences, <b>antécédents</b> recherchés";

describe("the access history page", () => {
  it("shows Jean an emergency access with who opened it and the reason they typed, newest first", async () => {
    const sessionId = await world.practitionerSession(world.ids.moreau);
    const session = await checkSession(sessionId, new Date());
    const moreau = (await actorForSession(session!)) as PractitionerActor;
    const repo = await world.repoFor(moreau, "Dr Inès Moreau");
    const outcome = await openEmergencyAccess(repo, sessionId, parseEmergencyRequest({ ins: world.identity.ins, reason: REASON })!);
    expect(outcome).toMatchObject({ ok: true });
    const after = (await actorForSession((await checkSession(sessionId, new Date()))!)) as PractitionerActor;
    await getDocument(await world.repoFor(after, "Dr Inès Moreau"), letterId);

    const history = await listAccessHistory(await world.repoFor(world.actors.jean), world.ids.jean, 1);
    expect(history.allowed).toBe(true);
    const emergency = history.entries.find((e) => e.interaction === "emergency-access");
    expect(emergency).toMatchObject({ who: "Dr Inès Moreau", agentType: "Practitioner", outcome: "success", emergencyReason: REASON, breakTheGlass: true });
    const read = history.entries.find((e) => e.interaction === "read" && e.resourceTypes.includes("DocumentReference"));
    // A read made under the emergency access is shown as one (SECURITY-CASES 44).
    expect(read).toMatchObject({ who: "Dr Inès Moreau", outcome: "success", breakTheGlass: true });
    // Newest first within a group: the read came after the emergency access.
    expect(history.entries.indexOf(read!)).toBeLessThan(history.entries.indexOf(emergency!));
    for (const group of ["others", "refused", "own"] as const) {
      const times = history.entries.filter((e) => e.group === group).map((e) => Date.parse(e.when));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }
    // The letter's own page says who read it, and that it was under emergency access (read with the
    // views, in the same statement: read-audit.ts, readDocumentViewsWithEmergencies).
    const letter = await getDocument(await world.repoFor(world.actors.jean), letterId);
    expect(letter.views).toEqual([expect.objectContaining({ who: "Dr Inès Moreau", self: false, interaction: "read", emergency: true, onBehalf: false })]);
  });

  it("is Jean's alone: a caregiver without privacy:manage and a professional see nothing of it", async () => {
    const caregiver = await listAccessHistory(await world.repoFor(world.actors.camilleForJean), world.ids.jean, 1);
    expect(caregiver).toMatchObject({ allowed: false, entries: [], total: 0 });
    const pro = await listAccessHistory(await world.repoFor(world.actors.bernard), world.ids.jean, 1);
    expect(pro).toMatchObject({ allowed: false, entries: [] });
    // Camille's own history holds nothing of Jean's record.
    const own = await listAccessHistory(await world.repoFor(world.actors.camille), world.ids.camille, 1);
    expect(own.entries.some((e) => e.interaction === "emergency-access")).toBe(false);
  });

  it("pages by fifty and clamps a page out of range", async () => {
    const jean = await world.repoFor(world.actors.jean);
    for (let i = 0; i < HISTORY_PAGE_SIZE; i++) await getDocument(jean, letterId);
    const first = await listAccessHistory(jean, world.ids.jean, 1);
    expect(first.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(first.pageCount).toBeGreaterThan(1);
    const second = await listAccessHistory(jean, world.ids.jean, 2);
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]!.id);
    expect((await listAccessHistory(jean, world.ids.jean, -3)).page).toBe(1);
    expect((await listAccessHistory(jean, world.ids.jean, Number.NaN)).page).toBe(1);
  });
});
