import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/compte/mot-de-passe/route";
import { openSession } from "@/server/auth/open-session";
import { useTestDatabase } from "../../setup/test-database";
import { sessionCookie } from "../fhir-api/http";
import { anAccount, PASSWORD } from "./helpers";
import { signInRoutes } from "./sign-in-routes";
import { Browser, startTestServer } from "./test-server";

useTestDatabase();

/**
 * A sign-in whose password step passed with the old password, still waiting for its code when
 * the owner changes her password: the change is her answer to someone having it (« Code de
 * secours erroné » in her list of sign-ins tells her so), and that sign-in must not finish.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ ...signInRoutes, "/compte/mot-de-passe": changePassword });
});
afterAll(() => server.close());

describe("a sign-in begun with the old password", () => {
  it("cannot be finished with a code once the owner has changed her password", async () => {
    const account = await anAccount();
    const intruder = new Browser(server.base);
    expect((await intruder.post("/connexion/mot-de-passe", { email: account.email, password: PASSWORD })).headers.get("location")).toBe("/connexion/code");

    const owner = new Browser(server.base);
    const [name, value] = (await sessionCookie(await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: "vitest" }))).split("=");
    owner.jar.set(name!, value!);
    const changed = await owner.post("/compte/mot-de-passe", { currentPassword: PASSWORD, newPassword: "girafe nuage tournevis printemps", code: account.code(new Date()) });
    expect(changed.headers.get("location")).toBe("/espace/compte?ok=mot-de-passe");

    // A code of the next step (the one before is spent): the intruder holds one (a recovery code on paper, say).
    const code = await intruder.post("/code", { code: account.code(new Date(Date.now() + 30_000)) });
    expect(code.status).toBe(401);
  });
});
