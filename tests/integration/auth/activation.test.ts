import type { Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as codeRoute } from "@/app/(auth)/activer/etape/code/route";
import { POST as passwordRoute } from "@/app/(auth)/activer/etape/mot-de-passe/route";
import { POST as totpRoute } from "@/app/(auth)/activer/etape/totp/route";
import { POST as finishRoute } from "@/app/(auth)/activer/etape/terminer/route";
import { inviteAccount } from "@/server/accounts/invite-account";
import { checkSession } from "@/server/auth/check-session";
import { sessionIdFromToken } from "@/server/auth/session-token";
import { currentAuthCookies } from "@/server/auth/session-token";
import { totpCode } from "@/server/auth/totp";
import { accountForEnrolment } from "@/server/db/account-enrolment-store";
import { regenerateRecoveryCodes } from "@/server/db/recovery-code-store";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { anAddress } from "./helpers";
import { signInRoutes } from "./sign-in-routes";
import { Browser, startTestServer } from "./test-server";


useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({
    "/activer/etape/code": codeRoute,
    "/activer/etape/mot-de-passe": passwordRoute,
    "/activer/etape/totp": totpRoute,
    "/activer/etape/terminer": finishRoute,
    ...signInRoutes,
    // Behind one trusted proxy, so each test's browser has an address of its own (X-Forwarded-For).
  }, 1);
});
afterAll(() => server.close());

const BIRTH_DATE = "1985-03-14";
const PASSWORD = "girafe nuage tournevis printemps";

async function invitedPatient() {
  const patient = await (await systemRepository("activation-tests")).create<Patient>(aPatient({ given: "Inès", family: "Activation", birthDate: BIRTH_DATE }));
  const email = `activation-${patient.id}@example.org`;
  const invited = await inviteAccount({ kind: "patient", resourceId: patient.id!, email, now: new Date() });
  if (!invited.ok) throw new Error(invited.reason);
  return { ...invited, email, patientId: patient.id! };
}

const where = (response: Response) => response.headers.get("location");

/** Code, password and TOTP through the routes; returns the browser and the TOTP secret. */
async function activateWithTotp(invited: Awaited<ReturnType<typeof invitedPatient>>) {
  const browser = new Browser(server.base, anAddress());
  expect(where(await browser.post("/activer/etape/code", { code: invited.code.toLowerCase(), birthDate: BIRTH_DATE }))).toBe("/activer/mot-de-passe");
  expect(where(await browser.post("/activer/etape/mot-de-passe", { password: PASSWORD, confirm: PASSWORD }))).toBe("/activer/second-facteur");
  const secret = (await accountForEnrolment(invited.accountId))!.pendingTotpSecret!;
  expect(where(await browser.post("/activer/etape/totp", { code: totpCode(secret, new Date()) }))).toBe("/activer/codes-secours");
  const codes = await regenerateRecoveryCodes(invited.accountId, new Date());
  expect(where(await browser.post("/activer/etape/terminer", {}))).toBe("/");
  return { browser, secret, codes };
}

describe("activation", () => {
  it("reads the birth date typed « jj/mm/aaaa », as the hint says, where the browser has no date picker", async () => {
    const invited = await invitedPatient();
    const browser = new Browser(server.base, anAddress());
    expect(where(await browser.post("/activer/etape/code", { code: invited.code, birthDate: "14/03/1985" }))).toBe("/activer/mot-de-passe");
    // Another day, typed either way, is still the wrong one.
    const other = await invitedPatient();
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: other.code, birthDate: "03/14/1985" }))).not.toBe("/activer/mot-de-passe");
  });

  it("opens the account with the code and birth date, a judged password and a TOTP app, then signs in", async () => {
    const invited = await invitedPatient();
    const { browser } = await activateWithTotp(invited);
    const sid = await sessionIdFromToken(browser.jar.get(currentAuthCookies().sessionToken.name));
    expect((await checkSession(sid!, new Date()))?.account).toMatchObject({ id: invited.accountId, fhirRef: `Patient/${invited.patientId}` });
    expect(browser.jar.has(currentAuthCookies().device.name)).toBe(true);
  });

  it("refuses a guessable password, without composition rules", async () => {
    const invited = await invitedPatient();
    const browser = new Browser(server.base, anAddress());
    await browser.post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE });
    expect(where(await browser.post("/activer/etape/mot-de-passe", { password: "Motdepasse2024!", confirm: "Motdepasse2024!" }))).toBe("/activer/mot-de-passe?erreur=faible");
    expect(where(await browser.post("/activer/etape/mot-de-passe", { password: PASSWORD, confirm: `${PASSWORD}!` }))).toBe("/activer/mot-de-passe?erreur=different");
  });

  it("spends the code: it cannot open the account a second time, and says it has served", async () => {
    const invited = await invitedPatient();
    await activateWithTotp(invited);
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer?erreur=utilise");
  });

  it("a browser closed before the password: the code has served, the page says so rather than « réessayez », and the first browser goes on", async () => {
    const invited = await invitedPatient();
    const first = new Browser(server.base, anAddress());
    expect(where(await first.post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer/mot-de-passe");
    const again = new Browser(server.base, anAddress());
    expect(where(await again.post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer?erreur=utilise");
    expect(where(await again.post("/activer/etape/mot-de-passe", { password: PASSWORD, confirm: PASSWORD }))).toBe("/activer?erreur=expire");
    expect(where(await first.post("/activer/etape/mot-de-passe", { password: PASSWORD, confirm: PASSWORD }))).toBe("/activer/second-facteur");
  });

  it("says a code has served only to its holder: not without the birth date, and not past the per-code cap", async () => {
    const invited = await invitedPatient();
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer/mot-de-passe");
    // Attempts 2 to 4 of five: a wrong birth date reads as any refusal.
    for (const day of ["10", "11", "12"]) {
      expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: `1985-03-${day}` }))).toBe("/activer?erreur=1");
    }
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer?erreur=utilise");
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer?erreur=1");
  });

  it("says so of a code a newer letter replaced", async () => {
    const invited = await invitedPatient();
    const newer = await inviteAccount({ kind: "patient", resourceId: invited.patientId, email: invited.email, now: new Date() });
    if (!newer.ok) throw new Error(newer.reason);
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer?erreur=utilise");
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: newer.code, birthDate: BIRTH_DATE }))).toBe("/activer/mot-de-passe");
  });

  it("answers a wrong birth date, an unknown code and a malformed one the same way", async () => {
    const invited = await invitedPatient();
    const browser = new Browser(server.base, anAddress());
    const answers = await Promise.all([
      browser.post("/activer/etape/code", { code: invited.code, birthDate: "1985-03-15" }),
      browser.post("/activer/etape/code", { code: "AAAAA-AAAAA-AAAAA-AAAAA", birthDate: BIRTH_DATE }),
      browser.post("/activer/etape/code", { code: "<script>", birthDate: BIRTH_DATE }),
    ]);
    expect(answers.map((a) => [a.status, where(a)])).toEqual(Array(3).fill([303, "/activer?erreur=1"]));
  });

  it("caps guessing per code: five wrong birth dates, from anywhere, kill the code", async () => {
    const invited = await invitedPatient();
    for (const day of ["10", "11", "12", "13", "15"]) await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: `1985-03-${day}` });
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer?erreur=1");
  });

  it("caps guessing per address: after ten tries even a right code waits", async () => {
    const guesser = new Browser(server.base, anAddress());
    for (let i = 0; i < 10; i++) await guesser.post("/activer/etape/code", { code: `AAAAA-AAAAA-AAAAA-AAA${String(i).padStart(2, "0")}`, birthDate: BIRTH_DATE });
    const invited = await invitedPatient();
    expect(where(await guesser.post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer?erreur=1");
    expect(where(await new Browser(server.base, anAddress()).post("/activer/etape/code", { code: invited.code, birthDate: BIRTH_DATE }))).toBe("/activer/mot-de-passe");
  });
});

describe("lost phone: recovery codes", () => {
  it("signs in with a recovery code once; the same code is refused afterwards", async () => {
    const invited = await invitedPatient();
    const { codes } = await activateWithTotp(invited);
    const signInWith = async (code: string) => {
      const browser = new Browser(server.base, anAddress());
      expect(where(await browser.post("/connexion/mot-de-passe", { email: invited.email, password: PASSWORD }))).toBe("/connexion/code");
      return browser.post("/code", { code, kind: "recovery" });
    };
    expect((await signInWith(codes[0]!.toLowerCase().replace("-", " "))).status).toBe(200);
    const reused = await signInWith(codes[0]!);
    expect(reused.status).toBe(401);
    expect(await reused.json()).toEqual({ error: "RecoveryCodeRejected" });
  });
});
