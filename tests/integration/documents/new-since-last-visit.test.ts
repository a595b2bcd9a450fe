import { beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { agentRef } from "@/server/access/actor";
import { getDocument } from "@/server/documents/get-document";
import { listDocuments } from "@/server/documents/list-documents";
import { documentsSeenBefore, markDocumentsSeen } from "@/server/documents/mark-new";
import { uploadDocument } from "@/server/documents/upload-document";
import { useTestDatabase } from "../../setup/test-database";
import { aPdf, buildWorld, type World } from "./world";

useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
  await world.addDocument({ kind: "lab", title: "Ancien bilan" });
}, 120_000);

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The list as the documents page builds it for this visit. */
async function visit(at = new Date()) {
  const actor = world.actors.camille;
  const newSince = await documentsSeenBefore(actor, at);
  const list = await listDocuments(await world.repoFor(actor), world.ids.camille, parseDocumentFilters({}).filters, {
    newSince,
    viewerRef: agentRef(actor),
  });
  return new Map(list.items.map((item) => [item.title, item.isNew]));
}

describe("new documents since the last visit", () => {
  it("starts the clock at the first visit, so a record is not all new", async () => {
    expect(await visit()).toEqual(new Map([["Ancien bilan", false]]));
  });

  it("marks what a professional added since, until the patient opens it", async () => {
    await tick();
    const added = await world.addDocument({ kind: "imaging", title: "Échographie récente" });
    expect((await visit()).get("Échographie récente")).toBe(true);
    expect((await visit()).get("Ancien bilan")).toBe(false);
    await getDocument(await world.repoFor(world.actors.camille), added.id!);
    expect((await visit()).get("Échographie récente")).toBe(false);
  });

  it("keeps a document marked however often professionals open it, until the patient does", async () => {
    await tick();
    const added = await world.addDocument({ kind: "lab", title: "Bilan lu par d'autres" });
    const bernard = await world.repoFor(world.actors.bernard);
    for (let n = 0; n < 3; n++) await getDocument(bernard, added.id!);
    expect((await visit()).get("Bilan lu par d'autres")).toBe(true);
    await getDocument(await world.repoFor(world.actors.camille), added.id!);
    await getDocument(await world.repoFor(world.actors.camille), added.id!);
    expect((await visit()).get("Bilan lu par d'autres")).toBe(false);
  });

  it("never marks what the patient added herself", async () => {
    await tick();
    await uploadDocument(await world.repoFor(world.actors.camille), { title: "Mon carnet", kind: "personal", date: "2024-05-02", bytes: await aPdf(["carnet"]) });
    expect((await visit()).get("Mon carnet")).toBe(false);
  });

  it("clears every badge with \"mark all as seen\"", async () => {
    await tick();
    await world.addDocument({ kind: "consultation", title: "Compte rendu A" });
    await world.addDocument({ kind: "consultation", title: "Compte rendu B" });
    const before = await visit();
    expect([before.get("Compte rendu A"), before.get("Compte rendu B")]).toEqual([true, true]);
    await markDocumentsSeen(world.actors.camille, new Date());
    const after = await visit();
    expect([...after.values()].some(Boolean)).toBe(false);
  });

  it("shows no badges to a caregiver: their visit is not the patient's", async () => {
    await tick();
    await world.addDocument({ patientId: world.ids.jean, kind: "consultation", title: "Compte rendu de Jean" });
    const actor = world.actors.camilleForJean;
    const newSince = await documentsSeenBefore(actor, new Date());
    expect(newSince).toBeUndefined();
    const list = await listDocuments(await world.repoFor(actor), world.ids.jean, parseDocumentFilters({}).filters, { newSince, viewerRef: agentRef(actor) });
    expect(list.items.find((d) => d.title === "Compte rendu de Jean")?.isNew).toBe(false);
  });
});
