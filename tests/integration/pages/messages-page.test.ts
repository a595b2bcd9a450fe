import { beforeAll, describe, expect, it, vi } from "vitest";
import * as messagesPage from "@/pages/espace/messages";
import * as proMessagesPage from "@/pages/pro/messages";
import { DIRECTORY_NAME_TTL_MS } from "@/server/fhir/directory-entry-names";
import { recordStatements } from "../../setup/record-statements";
import { useTestDatabase } from "../../setup/test-database";
import { buildMessagesWorld, post, type MessagesWorld } from "../messages/world";
import { servePage } from "./pages-route";

const db = useTestDatabase();

/**
 * « Messages » (/espace/messages), served by the Pages Router: its getServerSideProps with the
 * request Next hands it, then the HTML. Camille has a conversation with Dr Bernard, may write to
 * him, and has documents she may attach.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
  const sent = await post("send", { destinataire: world.bernard, sujet: "Résultats", texte: "Bonjour docteur." }, { cookie: world.sessions.camille.cookie });
  expect(sent.status).toBe(303);
}, 120_000);

/** What each statement the page sends is for, by what it reads. */
function kindOf(text: string): string {
  if (text.includes("resource_type = 'Communication'")) return "conversations";
  if (text.includes("AS practitioner")) return "professionals";
  if (text.includes("resource_type = 'DocumentReference'")) return "documents";
  return "other";
}

/** One view of the page as Camille, and what each statement it sent was for, in the order sent and answered. */
async function viewRecorded(): Promise<{ html: string; events: string[] }> {
  const { result: answer, events } = await recordStatements(db(), kindOf, () => servePage(messagesPage, "/espace/messages", { cookie: world.sessions.camille.cookie }));
  expect(answer.status).toBe(200);
  return { html: answer.html ?? "", events };
}

describe("the messages page", () => {
  it("shows the conversations, whom Camille may write to and what she may attach, the last two read beside the conversations", async () => {
    // The professionals' cards a minute old, as for a process that has not read them lately (directory-cards.ts).
    const now = performance.now();
    const later = vi.spyOn(performance, "now").mockReturnValue(now + DIRECTORY_NAME_TTL_MS + 1_000);
    let first: { html: string; events: string[] };
    try {
      first = await viewRecorded();
    } finally {
      later.mockRestore();
    }
    const { html, events } = first;
    expect(html).toContain("Résultats");
    expect(html).toMatch(new RegExp(`<option value="${world.bernard}"[^>]*>[^<]*Bernard`));
    expect(html).toContain(`<option value="${world.documents.normal.id}"`);
    // Whom she may write to and what she may attach did not wait for the conversations.
    const answered = events.indexOf("answered conversations");
    expect(answered).toBeGreaterThan(-1);
    expect(events.indexOf("sent documents")).toBeGreaterThan(-1);
    expect(events.indexOf("sent documents")).toBeLessThan(answered);
    expect(events.filter((event) => event === "sent professionals").length).toBeGreaterThan(0);
    expect(events.indexOf("sent professionals")).toBeLessThan(answered);
  });

  it("names the professionals from the cards the process keeps: no statement for them on the next view", async () => {
    await viewRecorded();
    const { html, events } = await viewRecorded();
    expect(html).toMatch(new RegExp(`<option value="${world.bernard}"[^>]*>[^<]*Bernard`));
    expect(html).toMatch(/Résultats[\s\S]*Bernard|Bernard[\s\S]*Résultats/);
    expect(events).not.toContain("sent professionals");
  });
});

describe("the professional's messages page", () => {
  it("offers each patient with their birth date written in French: « Camille Martin (01/01/1990) »", async () => {
    const answer = await servePage(proMessagesPage, "/pro/messages", { cookie: world.sessions.bernard.cookie });
    expect(answer.status).toBe(200);
    expect(answer.html).toMatch(new RegExp(`<option value="${world.camilleId}"[^>]*>Camille Martin \\(01/01/1990\\)</option>`));
    expect(answer.html).not.toContain("1990-01-01");
  });

  it("offers a file to attach without « Ou », there being no document of the record to choose before it, and names the text field with its space", async () => {
    const html = (await servePage(proMessagesPage, "/pro/messages", { cookie: world.sessions.bernard.cookie })).html!;
    expect(html).not.toContain('name="document"');
    expect(html).toMatch(/<label for="nouveau-fichier"[^>]*>Joindre un fichier \(facultatif\)<\/label>/);
    expect(html).not.toContain("Ou joindre");
    // Where a document may be chosen first (the patient's form), the file is its alternative.
    const patient = (await servePage(messagesPage, "/espace/messages", { cookie: world.sessions.camille.cookie })).html!;
    expect(patient).toContain('name="document"');
    expect(patient).toMatch(/<label for="nouveau-fichier"[^>]*>Ou joindre un nouveau fichier \(facultatif\)<\/label>/);
    // « Votre message (obligatoire) », not « Votre message(obligatoire) »: the text before the span ends with its space.
    expect(html).toMatch(/<label for="nouveau-texte"[^>]*>Votre message <span[^>]*>\(obligatoire\)<\/span><\/label>/);
  });
});
