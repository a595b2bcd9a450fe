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

/** Who writes, who reads and is told: the professional's own notice, or the patient's space's. */
const DIRECTIONS = [
  { name: "the professional gets one unread notice and one e-mail for the patient's messages", sender: "camille", reader: "bernard" },
  { name: "the patient gets one unread notice and one e-mail for the doctor's answers", sender: "bernard", reader: "camille" },
] as const;

describe("messages of one conversation posted at once", () => {
  it.each(DIRECTIONS)("$name", async ({ sender, reader }) => {
    const conversation = conversationOf(await post("send", { destinataire: world.bernard, sujet: "Question", texte: "Bonjour." }, { cookie: world.sessions.camille.cookie }));
    // The reader opens it: nothing of the conversation waits unread, so the next message is news again.
    const [page, path] = reader === "bernard" ? [proConversationPage, "/pro/messages"] : [patientConversationPage, "/espace/messages"];
    expect((await servePage(page, `${path}/${conversation}`, { cookie: world.sessions[reader].cookie, params: { conversation } })).status).toBe(200);
    const account = world.sessions[reader].accountId;
    const emailsBefore = await emailsTo(account);

    await sendAtOnce(sender, conversation);

    expect(await unreadNotices(reader === "bernard" ? { account } : { patient: world.camilleId }, conversation)).toEqual([{ news_count: AT_ONCE }]);
    expect(await emailsTo(account)).toBe(emailsBefore + 1);
  });
});
