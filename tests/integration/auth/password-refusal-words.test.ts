import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as change } from "@/app/(auth)/connexion/oubli/changer/route";
import { POST as send } from "@/app/(auth)/connexion/oubli/envoyer/route";
import { POST as changeOwn } from "@/app/compte/mot-de-passe/route";
import * as patientAccount from "@/pages/espace/compte";
import * as resetPage from "@/pages/connexion/reinitialiser";
import { database } from "@/server/db/client";
import { emailOfAccount } from "@/server/db/account-store";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { anAccount, anAddress } from "./helpers";
import { Browser, startTestServer } from "./test-server";

useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/connexion/oubli/envoyer": send, "/connexion/oubli/changer": change, "/compte/mot-de-passe": changeOwn }, 1);
});
afterAll(() => server.close());

const LENGTH = "Le mot de passe doit compter entre 12 et 256 caractères.";
const WEAK = "Ce mot de passe est trop facile à deviner. Allongez-le, ajoutez un mot inattendu.";
/** Long enough, and among the first guesses of an attacker. */
const GUESSABLE = "Motdepasse2024!";

const alertOf = (html: string) => html.match(/role="alert"[^>]*>([\s\S]*?)<\/div>/)?.[1]?.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");

/**
 * A refused new password says what is wrong in a whole sentence: too short or too long (an
 * empty field, « abc »), or too easy to guess, on « Mon compte » and on the reset link's page.
 */
describe("a refused new password, in words", () => {
  it("on « Mon compte »: the length for an empty or short password, « trop facile à deviner » for a guessable one", async () => {
    const system = await systemRepository("password-words-tests");
    const patient = (await system.create(aPatient({ given: "Alix", family: "Motdepasse" }))).id!;
    const signedIn = await signIn(`Patient/${patient}`, { name: "Alix Motdepasse" });
    const browser = new Browser(server.base, anAddress());
    const [name, value] = signedIn.cookie.split("=");
    browser.jar.set(name!, value!);
    const post = async (newPassword: string) =>
      (await browser.post("/compte/mot-de-passe", { currentPassword: "Sante-Demo-2026!", newPassword, code: "000000" })).headers.get("location")!;

    for (const [newPassword, said] of [["", LENGTH], ["abc", LENGTH], [GUESSABLE, WEAK]] as const) {
      const location = await post(newPassword);
      expect(location, newPassword).toMatch(/^\/espace\/compte\?erreur=/);
      const page = await servePage(patientAccount, location, { cookie: signedIn.cookie });
      expect(alertOf(page.html!), newPassword).toBe(said);
    }
  });

  it("on the reset link's page: the same two sentences", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    await browser.post("/connexion/oubli/envoyer", { email: account.email });
    const rows = await (await database()).sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = 'account-password-reset'", [account.email]);
    const token = rows[0]!.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)![1]!;

    for (const [newPassword, said] of [["", LENGTH], ["abc", LENGTH], [GUESSABLE, WEAK]] as const) {
      const location = (await browser.post("/connexion/oubli/changer", { token, newPassword, code: account.code(new Date()) })).headers.get("location")!;
      expect(location, newPassword).toMatch(/^\/connexion\/reinitialiser\?jeton=/);
      const page = await servePage(resetPage, location);
      expect(alertOf(page.html!), newPassword).toBe(said);
    }
  });

  it("on the reset link's page, the field at fault is marked invalid and reads the refusal: the new password, or the code", async () => {
    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    await browser.post("/connexion/oubli/envoyer", { email: account.email });
    const rows = await (await database()).sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = 'account-password-reset'", [account.email]);
    const token = rows[0]!.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)![1]!;
    const inputOf = (html: string, name: string) => html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0] ?? "";
    const describedBy = (html: string, input: string) =>
      (input.match(/aria-describedby="([^"]+)"/)?.[1] ?? "").split(" ").map((id) => html.match(new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</p>`))?.[1]?.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'") ?? "").join(" ");

    for (const [fields, name, said] of [
      [{ newPassword: GUESSABLE, code: account.code(new Date()) }, "newPassword", WEAK],
      [{ newPassword: "girafe nuage tournevis printemps", code: "000000" }, "code", "Le code ne correspond pas."],
    ] as const) {
      const location = (await browser.post("/connexion/oubli/changer", { token, ...fields })).headers.get("location")!;
      const html = (await servePage(resetPage, location)).html!;
      const input = inputOf(html, name);
      expect(input, name).toContain('aria-invalid="true"');
      expect(describedBy(html, input), name).toContain(said);
      const other = inputOf(html, name === "code" ? "newPassword" : "code");
      expect(other, name).not.toContain("aria-invalid");
    }
  });

  it("on both pages, the person's own e-mail address and name are guessable, as they are at activation", async () => {
    const system = await systemRepository("password-words-tests");
    const patient = (await system.create(aPatient({ given: "Alix", family: "Motdepasse" }))).id!;
    const signedIn = await signIn(`Patient/${patient}`, { name: "Alix Motdepasse" });
    const own = new Browser(server.base, anAddress());
    const [name, value] = signedIn.cookie.split("=");
    own.jar.set(name!, value!);
    const email = (await emailOfAccount(signedIn.accountId))!;
    for (const newPassword of [email, "Alix Motdepasse 2026"]) {
      const location = (await own.post("/compte/mot-de-passe", { currentPassword: "Sante-Demo-2026!", newPassword, code: "000000" })).headers.get("location")!;
      const page = await servePage(patientAccount, location, { cookie: signedIn.cookie });
      expect(alertOf(page.html!), newPassword).toBe(WEAK);
    }

    const account = await anAccount();
    const browser = new Browser(server.base, anAddress());
    await browser.post("/connexion/oubli/envoyer", { email: account.email });
    const rows = await (await database()).sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 AND kind = 'account-password-reset'", [account.email]);
    const token = rows[0]!.text_body.match(/jeton=([A-Za-z0-9_-]{43})/)![1]!;
    for (const newPassword of [account.email, "Alex Durand 2026"]) {
      const location = (await browser.post("/connexion/oubli/changer", { token, newPassword, code: account.code(new Date()) })).headers.get("location")!;
      expect(location, newPassword).toMatch(/^\/connexion\/reinitialiser\?jeton=/);
      const page = await servePage(resetPage, location);
      expect(alertOf(page.html!), newPassword).toBe(WEAK);
    }
  });
});
