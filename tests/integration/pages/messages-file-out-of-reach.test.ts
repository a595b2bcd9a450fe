import { beforeAll, describe, expect, it } from "vitest";
import * as conversationPage from "@/pages/espace/messages/[conversation]";
import * as messagesPage from "@/pages/espace/messages";
import { useTestDatabase } from "../../setup/test-database";
import { aPdf } from "../documents/world";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "../messages/world";
import { servePage, type PagesModule } from "./pages-route";

useTestDatabase();

/**
 * Maya writes messages for Camille but may not add documents to her record; a file joined to a
 * message is added to them. Her forms offered the file field anyway, and a PDF of a few kB came
 * back with « il faut un PDF, une image JPEG ou PNG, de 20 Mo au plus » (found by the forms'
 * walk): she was told the file was wrong when it was her delegation's rights. Now her forms say
 * so in place of the field, and a post with a file (a form opened before her right was removed)
 * is refused in those words. Camille, who holds every right, keeps the field. Through POST
 * /api/messages and the pages as the browser asks for them.
 */
let world: MessagesWorld;
let conversationId: string;
beforeAll(async () => {
  world = await buildMessagesWorld();
  const opened = await post("send", { destinataire: world.bernard, sujet: "Genou", texte: "Bonjour docteur." }, { cookie: world.sessions.camille.cookie });
  conversationId = conversationOf(opened);
}, 120_000);

const page = async <P extends Record<string, unknown>>(module: PagesModule<P>, path: string, cookie: string) => {
  const conversation = /^\/espace\/messages\/([^?]+)/.exec(path)?.[1];
  const answer = await servePage(module, path, { cookie, params: conversation ? { conversation } : {} });
  expect(answer.status).toBe(200);
  return answer.html!.replace(/&#x27;/g, "'");
};
/** The new message's page and the conversation's (its reply form), as this session sees them. */
const bothForms = async (cookie: string) => [await page(messagesPage, "/espace/messages", cookie), await page(conversationPage, `/espace/messages/${conversationId}`, cookie)];
const OUT_OF_REACH = "Joindre un nouveau fichier n'est pas possible avec les droits de votre délégation";
const REFUSED = "un fichier joint s'ajoute aux documents du dossier, ce qui n'est pas possible avec les droits de votre délégation";

describe("a caregiver who may write but not add documents", () => {
  it("is not offered the file field on the new message form nor on a reply, and is told why in its place", async () => {
    for (const html of await bothForms(world.sessions.maya.cookie)) {
      expect(html).toContain('name="texte"');
      expect(html).not.toContain('type="file"');
      expect(html).toContain(OUT_OF_REACH);
      expect(html).toContain("depuis « Proches et délégations » dans son espace");
    }
  });

  it("sending a file anyway is refused for her rights, not for the file, and nothing is sent", async () => {
    const file = new File([new Uint8Array(await aPdf(["Compte rendu"]))], "compte-rendu.pdf", { type: "application/pdf" });
    const refused = await post("send", { conversation: conversationId, texte: "Voici le compte rendu", fichier: file }, { cookie: world.sessions.maya.cookie });
    expect(noticeOf(refused)).toBe("fichier_droit");
    const html = await page(conversationPage, refused.headers.get("location")!, world.sessions.maya.cookie);
    expect(html).toContain(REFUSED);
    expect(html).not.toContain("il faut un PDF");
    expect(html).not.toContain("Voici le compte rendu</p>");
  });

  it("the patient herself keeps the file field on both forms", async () => {
    for (const html of await bothForms(world.sessions.camille.cookie)) {
      expect(html).toContain('type="file"');
      expect(html).not.toContain(OUT_OF_REACH);
    }
  });
});
