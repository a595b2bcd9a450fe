import type { Communication } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { aMessage } from "@/lib/fhir/builders/messages";
import { SUBJECT_MAX_LENGTH } from "@/lib/messages/message-rules";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, resourceOf, sameOrigin } from "../fhir-api/http";
import { buildMessagesWorld, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * The FHIR API's door to the messaging keeps the form's rule of a subject (found by the attack
 * round: a message created through the API carried a subject of 120,000 characters on 30,000
 * lines, the title of the professional's conversation and a line of his inbox). The repository
 * checks it, whatever the door.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const messagesOf = async (patientId: string) =>
  Number((await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM fhir_resource WHERE resource_type = 'Communication' AND patient_id = $1::uuid", [patientId]))[0]?.n);
const noticesTo = async (accountId: string) => Number((await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM notification WHERE account_id = $1::uuid", [accountId]))[0]?.n);

const create = (message: Communication) => fhir("POST", "Communication", { cookie: world.sessions.camille.cookie, headers: sameOrigin(), body: message });
const toBernard = (fields: Partial<Communication> = {}, text = "Bonjour docteur"): Communication => ({
  ...aMessage({ patientId: world.camilleId, conversationId: crypto.randomUUID(), recipient: `Practitioner/${world.bernard}`, text }),
  ...fields,
});

describe("a message created through the FHIR API (SECURITY-CASES 29, 35)", () => {
  it.each([
    ["a subject of many lines", { topic: { text: "Objet\r\nsur plusieurs lignes".repeat(3) } }],
    ["a subject one character too long", { topic: { text: "x".repeat(SUBJECT_MAX_LENGTH + 1) } }],
    ["a subject of many lines (within the general bound of validate.ts)", { topic: { text: "A\r\nB".repeat(2_000) } }],
    ["a subject made of codes", { topic: { coding: [{ system: "http://example.org", code: "x".repeat(1000) }] } }],
  ])("refuses %s, with nothing written nor notified", async (_label, fields) => {
    const before = { messages: await messagesOf(world.camilleId), notices: await noticesTo(world.sessions.bernard.accountId) };
    const answer = await create(toBernard(fields));
    expect(answer.status).toBe(422);
    expect(answer.text).toContain("L'objet tient sur une ligne");
    expect(await messagesOf(world.camilleId)).toBe(before.messages);
    expect(await noticesTo(world.sessions.bernard.accountId)).toBe(before.notices);
  });

  it("takes a subject of one line at the limit, and a text of several lines", async () => {
    const answer = await create(toBernard({ topic: { text: "x".repeat(SUBJECT_MAX_LENGTH) } }, "Bonjour,\r\n\tmerci."));
    expect(answer.status).toBe(201);
    expect(resourceOf<Communication>(answer).topic?.text).toHaveLength(SUBJECT_MAX_LENGTH);
  });
});
