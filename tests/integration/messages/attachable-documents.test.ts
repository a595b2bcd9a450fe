import type { DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDay } from "@/lib/documents/format";
import { aDocument } from "@/lib/fhir/builders/documents";
import type { Actor } from "@/server/access/actor";
import { titleOf } from "@/server/documents/document-summary";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { attachableDocuments } from "@/server/messages/message-page-data";
import { useTestDatabase } from "../../setup/test-database";
import { buildMessagesWorld, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * The documents one may attach to a message are read as headings (title and date), not whole
 * (issue 16): the list must stay what a search of the whole documents gives the same person,
 * hidden and confidential documents included or left out alike, and the read stays in the trail.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const camille = (): Actor => ({ kind: "patient", accountId: world.sessions.camille.accountId, patientId: world.camilleId });
const bernard = (): Actor => ({ kind: "practitioner", accountId: world.sessions.bernard.accountId, practitionerId: world.bernard });

async function fromWholeDocuments(actor: Actor): Promise<{ value: string; label: string }[]> {
  const repo = await createRepository(actor);
  const found = await repo.search<DocumentReference>("DocumentReference", { patientId: world.camilleId, count: 100, sort: "-date" });
  return found.resources.map((document) => ({ value: document.id ?? "", label: `${titleOf(document) ?? "Document"} (${formatDay(document.date)})` }));
}

describe("the documents offered as attachments", () => {
  it("are, for Camille, every document of hers, titled and dated as the whole documents say", async () => {
    const offered = await attachableDocuments(await createRepository(camille()), world.camilleId);
    expect(offered).toEqual(await fromWholeDocuments(camille()));
    const titles = offered.map((option) => option.label.replace(/ \(.*\)$/, ""));
    expect(titles).toEqual(expect.arrayContaining(["Bilan sanguin", "Compte rendu psychiatrique", "Document masqué", "Note personnelle"]));
    expect(titles).not.toContain("Document de Léa");
  });

  it("are titled as the whole documents say when the title comes from the file's name or the type, and undated when they have no date", async () => {
    const system = await systemRepository("attachable-headings-tests");
    // Restricted: Camille's own, out of Dr Bernard's list below.
    const base = aDocument({ patientId: world.camilleId, title: "Compte rendu", confidentiality: "R", author: `Patient/${world.camilleId}` });
    const fromFile = await system.create<DocumentReference>({ ...base, id: undefined, description: undefined, date: "2025-03-04T09:00:00+01:00" });
    const fromType = await system.create<DocumentReference>({
      ...base,
      id: undefined,
      description: undefined,
      date: undefined,
      content: [{ attachment: { ...base.content[0]!.attachment, title: undefined } }],
    });
    const offered = await attachableDocuments(await createRepository(camille()), world.camilleId);
    expect(offered).toEqual(await fromWholeDocuments(camille()));
    const label = (id: string | undefined) => offered.find((option) => option.value === id)?.label;
    expect(label(fromFile.id)).toBe(`${base.content[0]!.attachment.title} (${formatDay("2025-03-04T09:00:00+01:00")})`);
    expect(label(fromType.id)).toBe(`${base.type!.text} ()`);
  });

  it("come newest first by the time their dates mean, not by how the dates are written", async () => {
    const system = await systemRepository("attachable-headings-tests");
    const base = aDocument({ patientId: world.camilleId, title: "Ordre", confidentiality: "R", author: `Patient/${world.camilleId}` });
    // 08:00 UTC written as 09:00 in Paris, then 08:30 UTC: as texts the first sorts last, as times first.
    const earlier = await system.create<DocumentReference>({ ...base, id: undefined, description: "Écrit à 9 h, heure de Paris", date: "2031-01-01T09:00:00+01:00" });
    const later = await system.create<DocumentReference>({ ...base, id: undefined, description: "Écrit à 8 h 30, temps universel", date: "2031-01-01T08:30:00Z" });
    const offered = await attachableDocuments(await createRepository(camille()), world.camilleId);
    expect(offered.slice(0, 2).map((option) => option.value)).toEqual([later.id, earlier.id]);
    expect(offered).toEqual(await fromWholeDocuments(camille()));
  });

  it("are, for Dr Bernard, only what he may see of Camille's record: no hidden, restricted or secret document", async () => {
    const offered = await attachableDocuments(await createRepository(bernard()), world.camilleId);
    expect(offered).toEqual(await fromWholeDocuments(bernard()));
    expect(offered.map((option) => option.value)).toEqual([world.documents.normal.id]);
  });

  it("leave their search in Camille's trail, under the reader's name", async () => {
    const before = await db().sql.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_event WHERE patient_id = $1::uuid AND agent = $2 AND entity = 'DocumentReference' AND interaction = 'search'",
      [world.camilleId, `Practitioner/${world.bernard}`],
    );
    await attachableDocuments(await createRepository(bernard()), world.camilleId);
    const after = await db().sql.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_event WHERE patient_id = $1::uuid AND agent = $2 AND entity = 'DocumentReference' AND interaction = 'search'",
      [world.camilleId, `Practitioner/${world.bernard}`],
    );
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n) + 1);
  });
});
