import type { Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as optionsForEnrolment } from "@/app/(auth)/activer/cle/options/route";
import { POST as enrol } from "@/app/(auth)/activer/cle/enregistrer/route";
import { POST as codeRoute } from "@/app/(auth)/activer/etape/code/route";
import { POST as passwordRoute } from "@/app/(auth)/activer/etape/mot-de-passe/route";
import { POST as finishRoute } from "@/app/(auth)/activer/etape/terminer/route";
import { POST as optionsForSignIn } from "@/app/(auth)/connexion/cle/options/route";
import { POST as verify } from "@/app/(auth)/connexion/cle/verifier/route";
import { inviteAccount } from "@/server/accounts/invite-account";
import { checkSession } from "@/server/auth/check-session";
import { currentAuthCookies, sessionIdFromToken } from "@/server/auth/session-token";
import { recentAccountEvents } from "@/server/db/account-event-store";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { anAddress } from "./helpers";
import { SoftAuthenticator } from "./soft-authenticator";
import { Browser, startTestServer } from "./test-server";


useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(
    {
      "/activer/etape/code": codeRoute,
      "/activer/etape/mot-de-passe": passwordRoute,
      "/activer/etape/terminer": finishRoute,
      "/activer/cle/options": optionsForEnrolment,
      "/activer/cle/enregistrer": enrol,
      "/connexion/cle/options": optionsForSignIn,
      "/connexion/cle/verifier": verify,
    },
    1,
  );
});
afterAll(() => server.close());

const PASSWORD = "girafe nuage tournevis printemps";

/** A patient activates with a passkey (no TOTP app) and returns their authenticator. */
async function activatedWithPasskey() {
  const patient = await (await systemRepository("passkey-tests")).create<Patient>(aPatient({ birthDate: "1990-05-06" }));
  const invited = await inviteAccount({ kind: "patient", resourceId: patient.id!, email: `passkey-${patient.id}@example.org`, now: new Date() });
  if (!invited.ok) throw new Error(invited.reason);
  const browser = new Browser(server.base, anAddress());
  await browser.post("/activer/etape/code", { code: invited.code, birthDate: "1990-05-06" });
  await browser.post("/activer/etape/mot-de-passe", { password: PASSWORD, confirm: PASSWORD });
  const authenticator = new SoftAuthenticator("http://localhost:3000", "localhost");
  const options = (await (await browser.postJson("/activer/cle/options")).json()) as { challenge: string };
  expect((await browser.postJson("/activer/cle/enregistrer", authenticator.register(options.challenge))).status).toBe(200);
  expect((await browser.post("/activer/etape/terminer", {})).headers.get("location")).toBe("/");
  return { accountId: invited.accountId, authenticator };
}

async function assertion(browser: Browser, authenticator: SoftAuthenticator) {
  const options = (await (await browser.postJson("/connexion/cle/options")).json()) as { challenge: string };
  return authenticator.assert(options.challenge);
}

describe("passkeys", () => {
  it("a passkey alone signs its owner in", async () => {
    const { accountId, authenticator } = await activatedWithPasskey();
    const browser = new Browser(server.base, anAddress());
    const answer = await browser.postJson("/connexion/cle/verifier", await assertion(browser, authenticator));
    expect(answer.status).toBe(200);
    const sid = await sessionIdFromToken(browser.jar.get(currentAuthCookies().sessionToken.name));
    expect((await checkSession(sid!, new Date()))?.account.id).toBe(accountId);
    expect((await recentAccountEvents(accountId, 10)).map((e) => e.kind)).toContain("passkey-sign-in");
  });

  it("refuses a replayed assertion, with or without the challenge cookie it was made for", async () => {
    const { authenticator } = await activatedWithPasskey();
    const owner = new Browser(server.base, anAddress());
    const captured = await assertion(owner, authenticator);
    const challengeCookie = new Map(owner.jar);
    expect((await owner.postJson("/connexion/cle/verifier", captured)).status).toBe(200);

    // The attacker replays it with the owner's challenge cookie, captured too.
    const withCookie = new Browser(server.base, anAddress());
    for (const [name, value] of challengeCookie) withCookie.jar.set(name, value);
    expect((await withCookie.postJson("/connexion/cle/verifier", captured)).status).toBe(401);

    // Or against a fresh challenge of their own.
    const fresh = new Browser(server.base, anAddress());
    await fresh.postJson("/connexion/cle/options");
    expect((await fresh.postJson("/connexion/cle/verifier", captured)).status).toBe(401);
  });

  it("refuses an assertion from a key the portal does not know", async () => {
    const stranger = new SoftAuthenticator("http://localhost:3000", "localhost");
    const browser = new Browser(server.base, anAddress());
    expect((await browser.postJson("/connexion/cle/verifier", await assertion(browser, stranger))).status).toBe(401);
  });
});
