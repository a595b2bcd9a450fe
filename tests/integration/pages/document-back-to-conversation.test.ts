import { beforeAll, describe, expect, it } from "vitest";
import * as conversationPage from "@/pages/espace/messages/[conversation]";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import * as documentPage from "@/pages/espace/documents/[id]";
import * as proDocumentPage from "@/pages/pro/patients/[patientId]/documents/[id]";
import { useTestDatabase } from "../../setup/test-database";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "../messages/world";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * A document opened from a message's attachment led « Retour aux documents », not back to the
 * conversation it was opened from (found by the walk). The attachment's link carries the
 * conversation's id; the document's page leads « Retour à la conversation », to a path it fixes
 * itself with that id, checked: anything else in the parameter leads back to the documents.
 */
let world: MessagesWorld;
let conversation: string;
let document: string;
beforeAll(async () => {
  world = await buildMessagesWorld();
  document = world.documents.normal.id!;
  const sent = await post("send", { destinataire: world.bernard, texte: "Voici mon bilan", document }, { cookie: world.sessions.camille.cookie });
  expect(noticeOf(sent)).toBe("envoye");
  conversation = conversationOf(sent);
}, 120_000);

const NONCE = { "x-nonce": "bm9uY2U=" };
const backOf = (html: string) => /<a href="([^"]*)" class="font-semibold">← ([^<]*)<\/a>/.exec(html.replace(/&#x27;/g, "'"))?.slice(1, 3);

describe("a document opened from a conversation's attachment", () => {
  it("leads the patient back to the conversation", async () => {
    const thread = (await servePage(conversationPage, `/espace/messages/${conversation}`, { cookie: world.sessions.camille.cookie, params: { conversation }, headers: NONCE })).html!;
    const link = `/espace/documents/${document}?conversation=${conversation}`;
    expect(thread).toContain(`href="${link}"`);
    const page = await servePage(documentPage, link, { cookie: world.sessions.camille.cookie, params: { id: document } });
    expect(page.status).toBe(200);
    expect(backOf(page.html!)).toEqual([`/espace/messages/${conversation}`, "Retour à la conversation"]);
  });

  it("leads the professional back to the conversation, in the professional's space", async () => {
    const thread = (await servePage(proConversationPage, `/pro/messages/${conversation}`, { cookie: world.sessions.bernard.cookie, params: { conversation }, headers: NONCE })).html!;
    const link = `/pro/patients/${world.camilleId}/documents/${document}?conversation=${conversation}`;
    expect(thread).toContain(`href="${link}"`);
    const page = await servePage(proDocumentPage, link, { cookie: world.sessions.bernard.cookie, params: { patientId: world.camilleId, id: document } });
    expect(page.status).toBe(200);
    expect(backOf(page.html!)).toEqual([`/pro/messages/${conversation}`, "Retour à la conversation"]);
  });

  it("leads back to the documents when the parameter is not a conversation's id: nothing of the URL chooses where the link leads", async () => {
    for (const hostile of ["https://evil.example", "//evil.example", "../../connexion", `${conversation}/../x`, "x\"><script>"]) {
      const page = await servePage(documentPage, `/espace/documents/${document}?conversation=${encodeURIComponent(hostile)}&categorie=lab`, { cookie: world.sessions.camille.cookie, params: { id: document } });
      expect(page.status, hostile).toBe(200);
      expect(backOf(page.html!), hostile).toEqual(["/espace/documents?categorie=lab", "Retour aux documents"]);
      expect(page.html, hostile).not.toContain("evil");
    }
  });
});
