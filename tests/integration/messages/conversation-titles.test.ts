import { beforeAll, describe, expect, it } from "vitest";
import * as conversationPage from "@/pages/espace/messages/[conversation]";
import * as messagesPage from "@/pages/espace/messages";
import * as proMessagesPage from "@/pages/pro/messages";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

useTestDatabase();

/**
 * Conversations started without a subject were all « Sans objet »: three messages to one doctor
 * made three identical links on both sides, told apart only by their dates (found reading the
 * last note's « left »). Each is now called by its opening words, through the pages a person
 * opens; the browser's tab keeps « Sans objet », since a browser's history keeps titles.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const NBSP = "\u00a0";
const quoted = (words: string) => `«${NBSP}${words}${NBSP}»`;
const FIRST = "Bonjour docteur, une question sur mon ordonnance de juin";
const SECOND = "Petite précision : je suis allergique à la pénicilline, merci de le noter dans mon dossier";
const SECOND_TITLE = quoted("Petite précision : je suis allergique à la pénicilline…");

describe("a conversation started without a subject", () => {
  it("is called by its opening words in both lists and on its page, never in the browser's tab", async () => {
    const first = conversationOf(await post("send", { destinataire: world.bernard, texte: FIRST }, { cookie: world.sessions.camille.cookie }));
    const second = conversationOf(await post("send", { destinataire: world.bernard, texte: SECOND }, { cookie: world.sessions.camille.cookie }));
    expect(first).not.toBe(second);

    const hers = await servePage(messagesPage, "/espace/messages", { cookie: world.sessions.camille.cookie });
    expect(hers.html).toContain(`href="/espace/messages/${first}" class="underline">${quoted(FIRST)}</a>`);
    expect(hers.html).toContain(`href="/espace/messages/${second}" class="underline">${SECOND_TITLE}</a>`);
    expect(hers.html).not.toContain("Sans objet");

    const his = await servePage(proMessagesPage, "/pro/messages", { cookie: world.sessions.bernard.cookie });
    expect(his.html).toContain(`href="/pro/messages/${first}" class="underline">${quoted(FIRST)}</a>`);
    expect(his.html).toContain(`href="/pro/messages/${second}" class="underline">${SECOND_TITLE}</a>`);

    const page = await servePage(conversationPage, `/espace/messages/${second}`, { cookie: world.sessions.camille.cookie, params: { conversation: second } });
    expect(page.html).toMatch(new RegExp(`<h1[^>]*>${SECOND_TITLE}</h1>`));
    expect(page.title).toBe("Sans objet — avec Dr Sophie Bernard");
    expect(page.title).not.toContain("pénicilline");
  });

  it("keeps its subject when it has one, and is « Sans objet » again once its only message is withdrawn", async () => {
    const withSubject = conversationOf(await post("send", { destinataire: world.bernard, sujet: "Vaccins", texte: "Mon carnet est-il à jour ?" }, { cookie: world.sessions.camille.cookie }));
    const sent = await post("send", { destinataire: world.bernard, texte: "Message envoyé par erreur" }, { cookie: world.sessions.camille.cookie });
    const mistaken = conversationOf(sent);
    const [message] = await messageIdsOf(mistaken);
    expect(noticeOf(await post("withdraw", { message: message! }, { cookie: world.sessions.camille.cookie }))).toBe("retire");

    const hers = await servePage(messagesPage, "/espace/messages", { cookie: world.sessions.camille.cookie });
    expect(hers.html).toContain(`href="/espace/messages/${withSubject}" class="underline">Vaccins</a>`);
    expect(hers.html).toContain(`href="/espace/messages/${mistaken}" class="underline">Sans objet</a>`);
    expect(hers.html).not.toContain("par erreur");
  });
});

async function messageIdsOf(conversationId: string): Promise<string[]> {
  const page = await servePage(conversationPage, `/espace/messages/${conversationId}`, { cookie: world.sessions.camille.cookie, params: { conversation: conversationId } });
  return [...(page.html ?? "").matchAll(/name="message" value="([0-9a-f-]{36})"/g)].map((match) => match[1]!);
}
