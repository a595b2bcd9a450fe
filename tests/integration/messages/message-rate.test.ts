import { beforeAll, describe, expect, it } from "vitest";
import { aMessage } from "@/lib/fhir/builders/messages";
import { MESSAGES_PER_HOUR } from "@/server/fhir/message-rate-limit";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, sameOrigin } from "../fhir-api/http";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * A flood of messages from one session (found by the attack round on the running portal: a
 * hundred messages to a doctor in five seconds through the messaging's form, each with its
 * notice and e-mail, nothing to stop the next). Past the hour's allowance, through the form and
 * through the FHIR API, nothing is written, notified nor e-mailed.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const count = async (sql: string, id: string) => Number((await db().sql.query<{ n: string }>(sql, [id]))[0]?.n);
const messagesOf = (patientId: string) => count("SELECT count(*) AS n FROM fhir_resource WHERE resource_type = 'Communication' AND patient_id = $1::uuid", patientId);
const emailsTo = (accountId: string) => count("SELECT count(*) AS n FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.id = $1::uuid", accountId);
const noticesTo = (accountId: string) => count("SELECT count(*) AS n FROM notification WHERE account_id = $1::uuid", accountId);

describe("a patient's session sending message after message (SECURITY-CASES 35, 52)", () => {
  it("sends the hour's allowance, then refuses the next one through the form and the API, with nothing written, notified or e-mailed", async () => {
    const cookie = world.sessions.camille.cookie;
    const first = await post("send", { destinataire: world.bernard, texte: "Message 1" }, { cookie });
    expect(noticeOf(first)).toBe("envoye");
    const conversationId = conversationOf(first);
    for (let n = 2; n <= MESSAGES_PER_HOUR.patientSide; n++) {
      expect(noticeOf(await post("send", { conversation: conversationId, texte: `Message ${n}` }, { cookie }))).toBe("envoye");
    }
    const before = { messages: await messagesOf(world.camilleId), emails: await emailsTo(world.sessions.bernard.accountId), notices: await noticesTo(world.sessions.bernard.accountId) };
    expect(before.messages).toBe(MESSAGES_PER_HOUR.patientSide);

    const refused = await post("send", { conversation: conversationId, texte: "Un message de trop" }, { cookie });
    expect(refused.status).toBe(303);
    expect(noticeOf(refused)).toBe("trop");
    expect(refused.headers.get("location")).toContain(`/espace/messages/${conversationId}`);
    // A new conversation, or another door, does not reopen the allowance.
    expect(noticeOf(await post("send", { destinataire: world.autre, texte: "À quelqu'un d'autre" }, { cookie }))).toBe("trop");
    const api = await fhir("POST", "Communication", {
      cookie,
      headers: sameOrigin(),
      body: aMessage({ patientId: world.camilleId, conversationId, recipient: `Practitioner/${world.bernard}`, text: "Par l'API" }),
    });
    expect(api.status).toBe(429);
    expect(Number(api.headers.get("retry-after"))).toBeGreaterThan(0);

    expect(await messagesOf(world.camilleId)).toBe(before.messages);
    expect(await emailsTo(world.sessions.bernard.accountId)).toBe(before.emails);
    expect(await noticesTo(world.sessions.bernard.accountId)).toBe(before.notices);
  });

  it("counts on the account: the professional answering is not held by the patient's allowance", async () => {
    const answered = await post("send", { patient: world.camilleId, texte: "Bien reçu." }, { cookie: world.sessions.bernard.cookie });
    expect(noticeOf(answered)).toBe("envoye");
  });
});
