import { beforeAll, describe, expect, it } from "vitest";
import * as history from "@/pages/espace/historique";
import * as proDocument from "@/pages/pro/patients/[patientId]/documents/[id]";
import { buildMessagesWorld, type MessagesWorld } from "../messages/world";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * Dr Sophie Bernard opens one of Camille's documents; Camille's history offers « Je ne reconnais
 * pas cet accès », and the sentence above the table says what it does without taking the person
 * for a man (« bloque ce professionnel » did).
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

describe("the history's sentence on « Je ne reconnais pas cet accès »", () => {
  it("says what it does in words that fit a man or a woman", async () => {
    const documentId = world.documents.normal.id!;
    const read = await servePage(proDocument, `/pro/patients/${world.camilleId}/documents/${documentId}`, {
      cookie: world.sessions.bernard.cookie,
      params: { patientId: world.camilleId, id: documentId },
    });
    expect(read.status).toBe(200);
    const page = await servePage(history, "/espace/historique", { cookie: world.sessions.camille.cookie });
    expect(page.status).toBe(200);
    const html = page.html!.replaceAll("&#x27;", "'");
    expect(html).toContain("« Je ne reconnais pas cet accès » bloque tout de suite la personne à l'origine de l'accès et le signale.");
    expect(html).not.toContain("ce professionnel");
  });
});
