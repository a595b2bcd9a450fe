import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as conversationPage from "@/pages/espace/messages/[conversation]";
import * as messagesPage from "@/pages/espace/messages";
import * as proMessagesPage from "@/pages/pro/messages";
import { POST as send } from "@/app/api/messages/route";
import { MAX_UPLOAD_BYTES } from "@/server/documents/upload-policy";
import { inRequestScope } from "../../setup/next-headers-scope";
import { signIn } from "../fhir-api/http";
import { useTestDatabase } from "../../setup/test-database";
import { buildMessagesWorld, conversationOf, noticeOf, post, type MessagesWorld } from "../messages/world";
import { servePage, type PagesModule } from "./pages-route";
import { browserFormRequest } from "./browser-form-request";

useTestDatabase();

/**
 * Found by an exploratory test: a message refused (a file of the wrong type, a recipient who can
 * no longer receive) came back with an empty form, its text of up to 5,000 characters to type
 * again. The subject and text come back from a sealed cookie of the session's, never from the
 * address; through POST /api/messages, then the pages as the browser would ask for them.
 */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

const SUBJECT = "Douleurs au genou droit";
const TEXT = "Bonjour docteur, depuis lundi la douleur au genou revient la nuit.\nFaut-il refaire une radio ?";
/** Not a PDF whatever its name says: refused as of the wrong type. */
const notAPdf = () => new File([new TextEncoder().encode("MZ pas un document")], "compte-rendu.pdf", { type: "application/pdf" });
const typedCookie = (answer: Response) => answer.headers.getSetCookie().find((cookie) => cookie.startsWith("espace-sante.message-saisie="))?.split(";")[0] ?? "";
const html = async <P extends Record<string, unknown>>(page: PagesModule<P>, path: string, cookie: string) => {
  const conversation = /^\/espace\/messages\/([^?]+)/.exec(path)?.[1];
  const answer = await servePage(page, path, { cookie, params: conversation ? { conversation } : {} });
  expect(answer.status).toBe(200);
  return answer.html!.replace(/&#x27;/g, "'");
};

describe("a refused message comes back with what was typed", () => {
  it("a new message: its subject and text, the recipient still chosen, for this session only, and no more once sent", async () => {
    const camille = world.sessions.camille;
    const refused = await post("send", { destinataire: world.bernard, sujet: SUBJECT, texte: TEXT, fichier: notAPdf() }, { cookie: camille.cookie });
    expect(noticeOf(refused)).toBe("fichier");
    const location = refused.headers.get("location")!;
    expect(location).not.toMatch(/genou|docteur|Douleurs/i);
    expect(refused.headers.getSetCookie().join()).toMatch(/espace-sante\.message-saisie=[^;]+; Path=\/espace\/messages; Max-Age=300; SameSite=Strict; HttpOnly/);
    const sealed = typedCookie(refused);
    expect(sealed).not.toMatch(/genou|Douleurs/);

    const page = await html(messagesPage, location, `${camille.cookie}; ${sealed}`);
    expect(page).toContain(`value="${SUBJECT}"`);
    expect(page).toMatch(/<textarea[^>]*name="texte"[^>]*>Bonjour docteur, depuis lundi la douleur au genou revient la nuit.\r?\nFaut-il refaire une radio \?<\/textarea>/);
    expect(page).toMatch(new RegExp(`<option value="${world.bernard}" selected=""`));
    // Without a refusal's code the form is empty; another session of Camille's holding the cookie gets nothing.
    expect(await html(messagesPage, "/espace/messages", `${camille.cookie}; ${sealed}`)).not.toContain("genou");
    const other = await signIn(`Patient/${world.camilleId}`, { name: "Camille Martin" });
    expect(await html(messagesPage, location, `${other.cookie}; ${sealed}`)).not.toContain("genou");

    const sent = await post("send", { destinataire: world.bernard, sujet: SUBJECT, texte: TEXT }, { cookie: `${camille.cookie}; ${sealed}` });
    expect(noticeOf(sent)).toBe("envoye");
    expect(sent.headers.getSetCookie().join()).toMatch(/espace-sante\.message-saisie=; Path=\/espace\/messages; Max-Age=0/);
  });

  it("a reply: back on its conversation with its text, never in another conversation's form nor the new message's", async () => {
    const camille = world.sessions.camille;
    const first = await post("send", { destinataire: world.bernard, sujet: "Ordonnance", texte: "Premier message" }, { cookie: camille.cookie });
    const second = await post("send", { destinataire: world.bernard, sujet: "Vaccin", texte: "Autre message" }, { cookie: camille.cookie });
    const refused = await post("send", { conversation: conversationOf(first), texte: "La radio est prévue mardi matin.", fichier: notAPdf() }, { cookie: camille.cookie });
    expect(noticeOf(refused)).toBe("fichier");
    const location = refused.headers.get("location")!;
    expect(location).toBe(`/espace/messages/${conversationOf(first)}?message=fichier`);
    const cookie = `${camille.cookie}; ${typedCookie(refused)}`;
    expect(await html(conversationPage, location, cookie)).toMatch(/name="texte"[^>]*>La radio est prévue mardi matin.<\/textarea>/);
    expect(await html(conversationPage, `/espace/messages/${conversationOf(second)}?message=fichier`, cookie)).not.toContain("prévue mardi");
    expect(await html(messagesPage, "/espace/messages?message=fichier", cookie)).not.toContain("prévue mardi");
  });

  it("a professional's new message to a patient comes back on /pro/messages", async () => {
    const bernard = world.sessions.bernard;
    const refused = await post("send", { patient: world.camilleId, sujet: SUBJECT, texte: TEXT, fichier: notAPdf() }, { cookie: bernard.cookie });
    expect(noticeOf(refused)).toBe("fichier");
    expect(refused.headers.get("location")).not.toMatch(/genou/);
    expect(refused.headers.getSetCookie().join()).toMatch(/Path=\/pro\/messages; Max-Age=300/);
    const page = await html(proMessagesPage, refused.headers.get("location")!, `${bernard.cookie}; ${typedCookie(refused)}`);
    expect(page).toContain(`value="${SUBJECT}"`);
    expect(page).toContain("depuis lundi la douleur au genou");
  });

  it("a text of 5,000 characters fits one cookie (4,096 bytes) whole; one that does not compress keeps what fits", async () => {
    const camille = world.sessions.camille;
    const prose = "Depuis lundi la douleur au genou revient la nuit, surtout après la marche, et le gonflement ne passe pas. ";
    const long = prose.repeat(60).slice(0, 5000);
    const refused = await post("send", { destinataire: world.bernard, texte: long, fichier: notAPdf() }, { cookie: camille.cookie });
    for (const header of refused.headers.getSetCookie()) expect(Buffer.byteLength(header)).toBeLessThan(4096);
    expect(await html(messagesPage, refused.headers.get("location")!, `${camille.cookie}; ${typedCookie(refused)}`)).toContain(`>${long}</textarea>`);

    const noise = randomBytes(4000).toString("base64").slice(0, 5000);
    const noisy = await post("send", { destinataire: world.bernard, texte: noise, fichier: notAPdf() }, { cookie: camille.cookie });
    for (const header of noisy.headers.getSetCookie()) expect(Buffer.byteLength(header)).toBeLessThan(4096);
    const kept = (await html(messagesPage, noisy.headers.get("location")!, `${camille.cookie}; ${typedCookie(noisy)}`)).match(/<textarea[^>]*name="texte"[^>]*>([^<]*)<\/textarea>/)?.[1] ?? "";
    expect(kept.length).toBeGreaterThan(2000);
    expect(noise.startsWith(kept)).toBe(true);
  });
});

describe("a refusal about the text or the subject is said by that field too", () => {
  it("a blank text: the message field is marked invalid and described by the refusal (found in the browser)", async () => {
    const camille = world.sessions.camille;
    const refused = await post("send", { destinataire: world.bernard, texte: "     " }, { cookie: camille.cookie });
    expect(noticeOf(refused)).toBe("texte");
    const page = await html(messagesPage, refused.headers.get("location")!, camille.cookie);
    const textarea = /<textarea[^>]*name="texte"[^>]*>/.exec(page)?.[0] ?? "";
    expect(textarea).toContain('aria-invalid="true"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(textarea)?.[1]?.split(" ") ?? [];
    const error = describedBy.find((id) => new RegExp(`<p id="${id}"[^>]*><span class="sr-only">Erreur :`).test(page));
    expect(error, "an error paragraph among the field's descriptions").toBeDefined();
    expect(page).toMatch(new RegExp(`<p id="${error}"[^>]*>.*?Le message doit contenir entre 1 et 5 000 caractères de texte\\.</p>`));
    // Without a refusal the field is neither marked nor described by one.
    expect(/<textarea[^>]*name="texte"[^>]*>/.exec(await html(messagesPage, "/espace/messages", camille.cookie))?.[0]).not.toContain("aria-invalid");
  });
});

/** Over the body's cap (20 MB and its envelope): refused before the file is read (message-post.ts). */
const tooLarge = () => new File([new Uint8Array(MAX_UPLOAD_BYTES + 1024 * 1024)], "scanner.pdf", { type: "application/pdf" });
/** The form as a browser sends it, its size declared or streamed (browser-form-request.ts). */
async function postSized(fields: Record<string, string | File>, cookie: string, declared: boolean): Promise<Response> {
  const request = await browserFormRequest("/api/messages", Object.entries(fields), cookie, declared);
  return inRequestScope(request, () => send(request));
}

describe("a message refused for a file over 20 MB (Camille chose the whole scanner, and had to type it all again)", () => {
  it("a new message: its subject, recipient and text come back, said at the file field, which has the focus; nothing in the address", async () => {
    const camille = world.sessions.camille;
    for (const refused of [
      await postSized({ destinataire: world.bernard, sujet: SUBJECT, texte: TEXT, fichier: tooLarge() }, camille.cookie, true),
      await postSized({ destinataire: world.bernard, sujet: SUBJECT, texte: TEXT, fichier: tooLarge() }, camille.cookie, false),
    ]) {
      expect(noticeOf(refused)).toBe("fichier");
      const location = refused.headers.get("location")!;
      expect(location).not.toMatch(/genou|docteur|Douleurs/i);
      const page = await html(messagesPage, location, `${camille.cookie}; ${typedCookie(refused)}`);
      expect(page).toContain(`value="${SUBJECT}"`);
      expect(page).toMatch(/<textarea[^>]*name="texte"[^>]*>Bonjour docteur, depuis lundi la douleur au genou revient la nuit.\r?\nFaut-il refaire une radio \?<\/textarea>/);
      expect(page).toMatch(new RegExp(`<option value="${world.bernard}" selected=""`));
      expectFileFieldRefused(page, "nouveau");
    }
  }, 60_000);

  it("a reply: back on its own conversation with its text", async () => {
    const camille = world.sessions.camille;
    const opened = await post("send", { destinataire: world.bernard, sujet: "Scanner", texte: "Premier message" }, { cookie: camille.cookie });
    const refused = await postSized({ conversation: conversationOf(opened), texte: "Voici le scanner complet.", fichier: tooLarge() }, camille.cookie, true);
    expect(refused.headers.get("location")).toBe(`/espace/messages/${conversationOf(opened)}?message=fichier`);
    const page = await html(conversationPage, refused.headers.get("location")!, `${camille.cookie}; ${typedCookie(refused)}`);
    expect(page).toMatch(/name="texte"[^>]*>Voici le scanner complet.<\/textarea>/);
    expectFileFieldRefused(page, "repondre");
  }, 60_000);
});

/** The file field marked invalid, described by the refusal, and the one place with the focus (not the box above). */
function expectFileFieldRefused(page: string, form: string) {
  const input = new RegExp(`<input id="${form}-fichier"[^>]*>`).exec(page)?.[0] ?? "";
  expect(input).toContain('aria-invalid="true"');
  expect(input).toContain('autofocus=""');
  expect(input).toContain(`aria-describedby="${form}-fichier-hint ${form}-fichier-error"`);
  expect(page).toMatch(new RegExp(`<p id="${form}-fichier-error"[^>]*><span class="sr-only">Erreur : </span>Ce fichier n'a pas pu être joint : il faut un PDF, une image JPEG ou PNG, de 20 Mo au plus\. Rien n'a été envoyé`));
  expect(page.match(/autofocus=""/g)).toHaveLength(1);
}

describe("a file of the wrong type is said at the file field too", () => {
  it("marked, described and focused, the text kept", async () => {
    const camille = world.sessions.camille;
    const text = new File([new TextEncoder().encode("Mes notes")], "notes.txt", { type: "text/plain" });
    const refused = await post("send", { destinataire: world.bernard, sujet: SUBJECT, texte: TEXT, fichier: text }, { cookie: camille.cookie });
    expect(noticeOf(refused)).toBe("fichier");
    const page = await html(messagesPage, refused.headers.get("location")!, `${camille.cookie}; ${typedCookie(refused)}`);
    expect(page).toContain("depuis lundi la douleur au genou");
    expectFileFieldRefused(page, "nouveau");
  });
});
