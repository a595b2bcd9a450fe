import { beforeAll, describe, expect, it } from "vitest";
import * as patientConversationPage from "@/pages/espace/messages/[conversation]";
import * as proConversationPage from "@/pages/pro/messages/[conversation]";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * Messages of one conversation posted at the same instant (two tabs, a double tap, a FHIR client
 * sending a batch): each transaction, alone, saw no other message waiting unread, so each added its
 * own « Nouveau message » and its own e-mail. Now they make one unread notice for the conversation,
 * counting them all, and one e-mail, as messages sent one after the other do
 * (one-notice-per-conversation.test.ts, one-email-per-conversation.test.ts).
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const AT_ONCE = 6;

type Owner = { account: string } | { patient: string };
const ownerSql = (owner: Owner) => ("account" in owner ? "n.account_id = $1::uuid" : "n.patient_id = $1::uuid AND n.account_id IS NULL");
const ownerId = (owner: Owner) => ("account" in owner ? owner.account : owner.patient);

/** The owner's unread notices of the conversation, with how many messages each stands for. */
const unreadNotices = async (owner: Owner, conversation: string) =>
  db().sql.query<{ news_count: number }>(
    `SELECT n.news_count FROM notification n WHERE ${ownerSql(owner)} AND n.kind = 'message-received' AND n.read_at IS NULL AND n.link LIKE '%/' || $2`,
    [ownerId(owner), conversation],
  );
const emailsTo = async (accountId: string) =>
  (await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.id = $1::uuid", [accountId]))[0]!.n;

async function sendAtOnce(who: "camille" | "bernard", conversation: string): Promise<void> {
  const sent = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => post("send", { conversation, texte: `Message ${i + 1}` }, { cookie: world.sessions[who].cookie })));
  for (const response of sent) expect(noticeOf(response)).toBe("envoye");
}

describe("messages of one conversation posted at once", () => {
  it("the professional gets one unread notice and one e-mail for them all", async () => {
    const conversation = conversationOf(await post("send", { destinataire: world.bernard, sujet: "Question", texte: "Bonjour." }, { cookie: world.sessions.camille.cookie }));
    // She reads it: nothing of the conversation waits unread, so the next message is news again.
    expect((await servePage(proConversationPage, `/pro/messages/${conversation}`, { cookie: world.sessions.bernard.cookie, params: { conversation } })).status).toBe(200);
    const bernard = world.sessions.bernard.accountId;
    const emailsBefore = await emailsTo(bernard);

    await sendAtOnce("camille", conversation);

    expect(await unreadNotices({ account: bernard }, conversation)).toEqual([{ news_count: AT_ONCE }]);
    expect(await emailsTo(bernard)).toBe(emailsBefore + 1);
  });

  it("the patient gets one unread notice and one e-mail for the doctor's answers sent at once", async () => {
    const conversation = conversationOf(await post("send", { destinataire: world.bernard, sujet: "Résultats", texte: "Avez-vous mes résultats ?" }, { cookie: world.sessions.camille.cookie }));
    expect((await servePage(patientConversationPage, `/espace/messages/${conversation}`, { cookie: world.sessions.camille.cookie, params: { conversation } })).status).toBe(200);
    const camille = world.sessions.camille.accountId;
    const emailsBefore = await emailsTo(camille);

    await sendAtOnce("bernard", conversation);

    expect(await unreadNotices({ patient: world.camilleId }, conversation)).toEqual([{ news_count: AT_ONCE }]);
    expect(await emailsTo(camille)).toBe(emailsBefore + 1);
  });
});
