import { beforeAll, describe, expect, it } from "vitest";
import { aMessage } from "@/lib/fhir/builders/messages";
import { MESSAGE_MAX_ATTACHMENTS } from "@/lib/messages/message-rules";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, isOutcome, sameOrigin } from "../fhir-api/http";
import { buildMessagesWorld, type MessagesWorld } from "./world";

const db = useTestDatabase();

/**
 * Each part of a message is read and decided on before it is written (message-delivery.ts). The
 * FHIR API took a message with 10,000 references to one document: 11 s of the server's work for
 * one request, and as many attachments on the professional's page (attack round on the running
 * portal). A message carries its text and at most MESSAGE_MAX_ATTACHMENTS documents.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const withAttachments = (count: number, text: string) =>
  fhir("POST", "Communication", {
    cookie: world.sessions.camille.cookie,
    headers: sameOrigin(),
    body: aMessage({ patientId: world.camilleId, conversationId: crypto.randomUUID(), recipient: `Practitioner/${world.bernard}`, text, documentIds: Array.from({ length: count }, () => world.documents.normal.id!) }),
  });

const storedWith = async (text: string) =>
  (await db().sql.query("SELECT 1 FROM fhir_resource WHERE resource_type = 'Communication' AND content->'payload'->0->>'contentString' = $1", [text])).length;

describe("a message's attachments", () => {
  it("past the most a message carries, the message is refused before any is read, and nothing is written", async () => {
    const text = `Trop de pièces jointes ${crypto.randomUUID()}`;
    const sent = await withAttachments(MESSAGE_MAX_ATTACHMENTS + 1, text);
    expect(sent.status).toBe(422);
    expect(isOutcome(sent)).toBe(true);
    expect(await storedWith(text)).toBe(0);
  });

  it("up to it, the message goes", async () => {
    const text = `Assez de pièces jointes ${crypto.randomUUID()}`;
    expect((await withAttachments(MESSAGE_MAX_ATTACHMENTS, text)).status).toBe(201);
    expect(await storedWith(text)).toBe(1);
  });
});
