import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as send } from "@/app/(auth)/connexion/oubli/envoyer/route";
import { database } from "@/server/db/client";
import { FORM_MAX_PARTS, PLAIN_FORM_MAX_BYTES } from "@/server/http/read-capped-body";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount, anAddress } from "../auth/helpers";
import { Browser, startTestServer } from "../auth/test-server";
import { appUrl } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { buildMessagesWorld, noticeOf, ROUTES, type MessagesWorld } from "../messages/world";

useTestDatabase();

/**
 * A form body made of tiny fields ("a=&a=&…") is what costs the platform's form parser: each field
 * some 100 bytes of heap. 10 MB of them, sent anonymously to « Mot de passe oublié », ran the
 * portal's 256 MB heap out and the process died (attack round); the messages' route took 20 MB
 * of them as a form without a file. Every form is now read within a cap before it is parsed
 * (read-capped-body.ts): past it the form is refused unread, as one that is not a form.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: MessagesWorld;
beforeAll(async () => {
  server = await startTestServer({ "/connexion/oubli/envoyer": send }, 1);
  world = await buildMessagesWorld();
}, 120_000);
afterAll(() => server.close());

const filler = (bytes: number) => "&a=".repeat(Math.ceil(bytes / 3));

async function resetEmailsTo(email: string): Promise<number> {
  const rows = await (await database()).sql.query<{ n: number }>("SELECT count(*)::int AS n FROM email_outbox WHERE recipient = $1 AND kind = 'account-password-reset'", [email]);
  return rows[0]!.n;
}

/** A message posted as a browser would not: the body as given, with its own content type. */
async function sendRaw(body: string, contentType: string): Promise<Response> {
  const headers = new Headers({ origin: appUrl(), cookie: world.sessions.camille.cookie, "content-type": contentType });
  const request = new Request(`${appUrl()}/api/messages`, { method: "POST", headers, body });
  return inRequestScope(request, () => ROUTES.send(request));
}

describe("a form body of many tiny fields", () => {
  it("past the plain form's cap, « Mot de passe oublié » reads nothing of it: no reset link is sent, as for a form without an address", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    // Under the cap, the link goes.
    await browser.post("/connexion/oubli/envoyer", { email: account.email });
    expect(await resetEmailsTo(account.email)).toBe(1);
    const body = `email=${encodeURIComponent(account.email)}${filler(PLAIN_FORM_MAX_BYTES)}`;
    const raw = await fetch(`${server.base}/connexion/oubli/envoyer`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", "x-forwarded-for": anAddress() },
      body,
    });
    expect(raw.status).toBe(303);
    expect(raw.headers.get("location")).toBe("/connexion/oubli?erreur=saisie");
    // Past it, no second link: the form was not read.
    expect(await resetEmailsTo(account.email)).toBe(1);
  });

  it("a message without a file, urlencoded past the cap, is refused unread and nothing is sent", async () => {
    const fields = `destinataire=${world.bernard}&sujet=Filler&texte=Bonjour${filler(PLAIN_FORM_MAX_BYTES)}`;
    expect(noticeOf(await sendRaw(fields, "application/x-www-form-urlencoded"))).toBe("echec");
    // Under the cap, the same message goes.
    expect(noticeOf(await sendRaw(`destinataire=${world.bernard}&sujet=Filler&texte=Bonjour`, "application/x-www-form-urlencoded"))).toBe("envoye");
  });

  it("a multipart message of more parts than any of our forms has is refused before it is parsed", async () => {
    const boundary = "----espace-sante-parts";
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const real = part("destinataire", world.bernard) + part("texte", "Bonjour");
    const many = real + part("a", "").repeat(FORM_MAX_PARTS) + `--${boundary}--\r\n`;
    expect(noticeOf(await sendRaw(many, `multipart/form-data; boundary=${boundary}`))).toBe("echec");
    // A parameter quoting another boundary: the parts are counted on the one the parser splits on, or not read at all.
    expect(noticeOf(await sendRaw(many, `multipart/form-data; x="a;boundary=zzz"; boundary=${boundary}`))).toBe("echec");
    expect(noticeOf(await sendRaw(real + `--${boundary}--\r\n`, `multipart/form-data; boundary=${boundary}`))).toBe("envoye");
  });
});
