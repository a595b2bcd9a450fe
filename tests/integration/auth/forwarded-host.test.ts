import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as passwordStep } from "@/app/(auth)/connexion/mot-de-passe/route";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount, PASSWORD } from "./helpers";
import { Browser, startTestServer } from "./test-server";

useTestDatabase();

/**
 * The cross-site check compares a form's Origin with the host the request was sent to, which a
 * proxy in front reports in X-Forwarded-Host (check-origin.ts). Over a real socket, behind the
 * portal server's own handling of forwarded headers (pin-client-address.ts): with no proxy
 * trusted, a client's X-Forwarded-Host does not make its foreign Origin ours; with one, the
 * proxy's does.
 */
let direct: Awaited<ReturnType<typeof startTestServer>>;
let proxied: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  direct = await startTestServer({ "/connexion/mot-de-passe": passwordStep }, 0);
  proxied = await startTestServer({ "/connexion/mot-de-passe": passwordStep }, 1);
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

const post = (base: string, email: string, headers: Record<string, string>) =>
  new Browser(base).post("/connexion/mot-de-passe", { email, password: PASSWORD }, headers);

describe("X-Forwarded-Host and the cross-site check", () => {
  it("with no proxy in front, a foreign Origin naming itself in X-Forwarded-Host is refused, with the reason in French", async () => {
    const account = await anAccount();
    const response = await post(direct.base, account.email, { origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.json()).toEqual({ error: "Demande refusée : elle ne vient pas d'une page de l'Espace santé. Rien n'a été modifié." });
  });

  it("behind a trusted proxy, the host the proxy reports is the one the Origin is compared with", async () => {
    const account = await anAccount();
    const response = await post(proxied.base, account.email, { origin: "https://portail.example", "x-forwarded-host": "portail.example" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/connexion/code");
    const foreign = await post(proxied.base, account.email, { origin: "https://evil.example", "x-forwarded-host": "portail.example" });
    expect(foreign.status).toBe(403);
  });
});
