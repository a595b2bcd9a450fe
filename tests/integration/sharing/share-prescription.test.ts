import type { MedicationRequest } from "@medplum/fhirtypes";
import { verify } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { listLiveLinks } from "@/server/sharing/list-live-links";
import { listMyLinks } from "@/server/sharing/list-my-links";
import { revokeLink } from "@/server/sharing/revoke-link";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { hashSecret } from "@/server/sharing/link-secret";
import * as sharingPage from "@/pages/espace/partage/index";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { buildWorld, type World } from "../prescriptions/world";

const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const APP = "https://sante.example";
const secretOf = (url: string) => url.split("#")[1] ?? "";

describe("sending a prescription to a pharmacy", () => {
  it("creates a link whose key is 256 random bits in the fragment, of which only a hash is stored", async () => {
    const shared = await sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId: world.camilleActive.prescriptionId, withPasscode: true }, APP);
    expect(shared.url).toMatch(new RegExp(`^${APP}/p/${shared.linkId}#[A-Za-z0-9_-]{43}$`));
    expect(Buffer.from(secretOf(shared.url), "base64url")).toHaveLength(32);
    expect(shared.passcode).toMatch(/^\d{6}$/);
    expect(shared.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);

    const row = await db().prisma.shareLink.findUniqueOrThrow({ where: { id: shared.linkId } });
    expect(row.secretHash).toBe(hashSecret(secretOf(shared.url)));
    expect(JSON.stringify(row)).not.toContain(secretOf(shared.url));
    expect(row.passcodeHash).toMatch(/^\$argon2id\$/);
    expect(await verify(row.passcodeHash!, shared.passcode!)).toBe(true);
    expect(row.attemptsLeft).toBe(10);
    // Seven days by default.
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("never ends after the prescription's validity, and refuses a past end date", async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const { prescriptionId } = await world.addPrescription(world.camilleId, { validUntil: soon });
    const repo = await world.repoFor(world.actors.camille);
    const shared = await sharePrescription(repo, { prescriptionId, withPasscode: false, until: new Date(Date.now() + 30 * 86_400_000) }, APP);
    expect(shared.expiresAt.toISOString()).toBe(soon);
    expect(shared.passcode).toBeUndefined();
    await expect(sharePrescription(repo, { prescriptionId, withPasscode: true, until: new Date(Date.now() - 1000) }, APP)).rejects.toMatchObject({ status: 422 });
  });

  it("refuses a prescription that can no longer be dispensed", async () => {
    const repo = await world.repoFor(world.actors.camille);
    await expect(sharePrescription(repo, { prescriptionId: world.camilleOld.prescriptionId, withPasscode: true }, APP)).rejects.toMatchObject({ status: 422 });
    await expect(sharePrescription(repo, { prescriptionId: world.camilleDispensed.prescriptionId, withPasscode: true }, APP)).rejects.toMatchObject({ status: 422 });
  });

  it("a caregiver with prescriptions:share sends Jean's prescription, and Jean's trail says she did", async () => {
    const camille = await world.repoFor(world.actors.camilleForJean, "Camille Martin");
    const shared = await sharePrescription(camille, { prescriptionId: world.jeanActive.prescriptionId, withPasscode: true }, APP);
    const rows = await db().prisma.auditEvent.findMany({ where: { patientId: world.jeanId, entity: `ShareLink/${shared.linkId}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ interaction: "share", outcome: "success", agent: `Patient/${world.camilleId}`, onBehalfOf: `Patient/${world.jeanId}`, agentName: "Camille Martin" });
    const jeanLinks = await listMyLinks(await world.repoFor(world.actors.jean));
    expect(jeanLinks?.find((l) => l.id === shared.linkId)).toMatchObject({ createdBy: "Camille Martin", state: "active", passcode: true });
  });

  it("a caregiver without prescriptions:share may neither share, list nor revoke links (cases 1, 23)", async () => {
    const nadia = await world.repoFor(world.actors.nadiaForJean);
    await expect(sharePrescription(nadia, { prescriptionId: world.jeanActive.prescriptionId, withPasscode: true }, APP)).rejects.toMatchObject({ status: 403 });
    expect(await listMyLinks(nadia)).toBeUndefined();
    const link = await sharePrescription(await world.repoFor(world.actors.jean), { prescriptionId: world.jeanActive.prescriptionId, withPasscode: true }, APP);
    await expect(revokeLink(nadia, link.linkId)).rejects.toMatchObject({ status: 404 });
  });

  it("another patient's prescription or link is a 404 (case 1)", async () => {
    const camille = await world.repoFor(world.actors.camille);
    await expect(sharePrescription(camille, { prescriptionId: world.jeanActive.prescriptionId, withPasscode: true }, APP)).rejects.toMatchObject({ status: 404 });
    const jeans = await sharePrescription(await world.repoFor(world.actors.jean), { prescriptionId: world.jeanActive.prescriptionId, withPasscode: true }, APP);
    await expect(revokeLink(camille, jeans.linkId)).rejects.toMatchObject({ status: 404 });
    const row = await db().prisma.shareLink.findUniqueOrThrow({ where: { id: jeans.linkId } });
    expect(row.revokedAt).toBeNull();
  });

  it("lists each link's state from its own prescription: one completed after sharing is « dispensed », the others stay active", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const kept = await world.addPrescription(world.camilleId, { authoredOn: new Date().toISOString() });
    const completed = await world.addPrescription(world.camilleId, { authoredOn: new Date().toISOString() });
    const keptLinks = [
      await sharePrescription(repo, { prescriptionId: kept.prescriptionId, withPasscode: true }, APP),
      await sharePrescription(repo, { prescriptionId: kept.prescriptionId, withPasscode: false }, APP),
    ];
    const completedLink = await sharePrescription(repo, { prescriptionId: completed.prescriptionId, withPasscode: true }, APP);
    const system = await systemRepository("prescriptions-tests");
    for (const request of completed.requests) await system.update<MedicationRequest>({ ...request, status: "completed" });

    const states = new Map((await listMyLinks(repo))?.map((link) => [link.id, link.state]));
    expect(keptLinks.map((link) => states.get(link.linkId))).toEqual(["active", "active"]);
    expect(states.get(completedLink.linkId)).toBe("dispensed");
  });

  it("the sharing page lists the links the links page calls active, and no ended one", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const open = await world.addPrescription(world.camilleId, { authoredOn: new Date().toISOString() });
    const completed = await world.addPrescription(world.camilleId, { authoredOn: new Date().toISOString() });
    const share = (prescriptionId: string) => sharePrescription(repo, { prescriptionId, withPasscode: true }, APP);
    const [active, revoked, locked, expired, dispensed] = [await share(open.prescriptionId), await share(open.prescriptionId), await share(open.prescriptionId), await share(open.prescriptionId), await share(completed.prescriptionId)];
    await revokeLink(repo, revoked.linkId);
    await db().prisma.shareLink.update({ where: { id: locked.linkId }, data: { attemptsLeft: 0 } });
    await db().prisma.shareLink.update({ where: { id: expired.linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const system = await systemRepository("prescriptions-tests");
    for (const request of completed.requests) await system.update<MedicationRequest>({ ...request, status: "completed" });

    const live = (await listLiveLinks(repo))!.map((link) => link.id);
    expect(live).toContain(active.linkId);
    for (const ended of [revoked, locked, expired, dispensed]) expect(live).not.toContain(ended.linkId);
    const activeOnLinksPage = (await listMyLinks(repo))!.filter((link) => link.state === "active").map((link) => link.id);
    expect([...live].sort()).toEqual([...activeOnLinksPage].sort());
    expect((await listLiveLinks(repo))!.find((link) => link.id === active.linkId)).toMatchObject({ prescriptionId: open.prescriptionId, expiresAt: active.expiresAt });
    // Whoever may not manage Jean's links does not get them here either.
    expect(await listLiveLinks(await world.repoFor(world.actors.nadiaForJean))).toBeUndefined();

    // The page Camille opens: one line for the live link, pointing to its prescription, none for
    // the four ended ones (three of them on that same prescription).
    const { cookie } = await signIn(`Patient/${world.camilleId}`, { name: "Camille Martin" });
    const answer = await servePage(sharingPage, "/espace/partage", { cookie });
    expect(answer.status).toBe(200);
    expect(answer.html!.split(`href="/espace/ordonnances/${open.prescriptionId}"`)).toHaveLength(2);
    expect(answer.html).not.toContain(`/espace/ordonnances/${completed.prescriptionId}`);
    expect(answer.html!.split("Une pharmacie peut voir une ordonnance par un lien").length - 1).toBe(live.length);
  });

  it("revoking is recorded once and shows in the list", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const shared = await sharePrescription(repo, { prescriptionId: world.camilleActive.prescriptionId, withPasscode: true }, APP);
    await revokeLink(repo, shared.linkId);
    await revokeLink(repo, shared.linkId);
    const link = (await listMyLinks(repo))?.find((l) => l.id === shared.linkId);
    expect(link?.state).toBe("revoked");
    expect(link?.events.map((e) => e.kind)).toEqual(["revoked", "created"]);
  });
});
