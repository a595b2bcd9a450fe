import { beforeAll, describe, expect, it } from "vitest";
import * as patientConversationPage from "@/pages/espace/messages/[conversation]";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * Camille writes to Dr Bernard three times before she reads any: the doctor gets one e-mail for
 * the conversation, not three (each message still has its notice in the portal). Once she has
 * opened the conversation, Camille's next message e-mails her again. The same the other way.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const emailsOf = async (accountId: string) =>
  (await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.id = $1::uuid", [accountId]))[0]!.n;
const noticesOf = async (accountId: string) =>
  (await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM notification WHERE account_id = $1::uuid AND kind = 'message-received'", [accountId]))[0]!.n;

async function send(who: "camille" | "bernard", fields: Record<string, string>): Promise<string> {
  const sent = await post("send", fields, { cookie: world.sessions[who].cookie });
  expect(noticeOf(sent)).toBe("envoye");
  return conversationOf(sent);
}

describe("message e-mails", () => {
  it("one e-mail per conversation until the professional reads it; after she reads it, the next message e-mails again", async () => {
    const bernard = world.sessions.bernard.accountId;
    const emailsBefore = await emailsOf(bernard);
    const noticesBefore = await noticesOf(bernard);
    const conversationId = await send("camille", { destinataire: world.bernard, sujet: "Ordonnance", texte: "Bonjour, une question." });
    await send("camille", { conversation: conversationId, texte: "Et une deuxième." });
    await send("camille", { conversation: conversationId, texte: "Et une troisième." });
    expect(await emailsOf(bernard)).toBe(emailsBefore + 1);
    expect(await noticesOf(bernard)).toBe(noticesBefore + 1); // one notice for the conversation (one-notice-per-conversation.test.ts)

    const page = await servePage(proConversationPage, `/pro/messages/${conversationId}`, { cookie: world.sessions.bernard.cookie, params: { conversation: conversationId } });
    expect(page.status).toBe(200);
    await send("camille", { conversation: conversationId, texte: "Merci pour votre lecture." });
    expect(await emailsOf(bernard)).toBe(emailsBefore + 2);
    // Another conversation is news of its own.
    await send("camille", { destinataire: world.bernard, sujet: "Autre chose", texte: "Une autre question." });
    expect(await emailsOf(bernard)).toBe(emailsBefore + 3);
  });

  it("the same for the patient: the doctor's answers make one e-mail until she opens the conversation", async () => {
    const camille = world.sessions.camille.accountId;
    const conversationId = await send("camille", { destinataire: world.bernard, sujet: "Résultats", texte: "Avez-vous mes résultats ?" });
    const emailsBefore = await emailsOf(camille);
    await send("bernard", { conversation: conversationId, texte: "Oui, je les ai." });
    await send("bernard", { conversation: conversationId, texte: "Tout est normal." });
    expect(await emailsOf(camille)).toBe(emailsBefore + 1);

    const page = await servePage(patientConversationPage, `/espace/messages/${conversationId}`, { cookie: world.sessions.camille.cookie, params: { conversation: conversationId } });
    expect(page.status).toBe(200);
    await send("bernard", { conversation: conversationId, texte: "Bonne journée." });
    expect(await emailsOf(camille)).toBe(emailsBefore + 2);
  });
});
