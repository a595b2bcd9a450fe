import type { Observation, Patient } from "@medplum/fhirtypes";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as typeActivationCode } from "@/app/(auth)/activer/etape/code/route";
import { POST as record } from "@/app/(patient)/espace/carnet-enfant/mesure/route";
import { addDaysToDay, addMonthsToDay, parisDayOf, startOfParisDay } from "@/lib/dates/paris-day";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { recoverAccount } from "@/server/accounts/recover-account";
import { checkSession } from "@/server/auth/check-session";
import { newTotpSecret } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { switchSpace } from "@/server/auth/switch-space";
import { HANDOVER_GRACE_DAYS, handoverActivationExpiry, majorityDay } from "@/server/children/majority";
import { runMajorityTick } from "@/server/children/run-majority-tick";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, fhir, idsOf, sameOrigin, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { birthDayFor } from "./world";
import * as documentsPage from "@/pages/espace/documents";
import { servePage } from "../pages/pages-route";


/**
 * At 18 a guardian's access ends by itself (no job: the rules read the birth date), and thirty
 * days before, the young person gets an activation and both are told, once however often the
 * tick runs.
 */
// A database of its own: the majority job reads every minor in it and hands over those who come of age; on the shared
// server database it would write notices and trail rows into other files' patients (a
// prevention notice once landed in events-notify's count for Camille).
const db = useTestDatabase({ fresh: true });
const system = () => systemRepository("children-majority-tests");
let parents: { camille: string; paul: string };
beforeAll(async () => {
  warmUpValidator();
  const repo = await system();
  parents = {
    camille: (await repo.create(aPatient({ given: "Camille", family: "Martin", birthDate: "1985-03-14" }))).id!,
    paul: (await repo.create(aPatient({ given: "Paul", family: "Martin", gender: "male", birthDate: "1983-07-02" }))).id!,
  };
  // Accounts for the parents: their notices go by e-mail.
  await signIn(`Patient/${parents.camille}`, { name: "Camille Martin" });
  await signIn(`Patient/${parents.paul}`, { name: "Paul Martin" });
}, 120_000);

async function aTeen(given: string, birthDate: string, guardians: string[], email?: string): Promise<string> {
  const repo = await system();
  const teen = (await repo.create<Patient>({ ...aPatient({ given, family: "Martin", gender: "male", birthDate }), ...(email ? { telecom: [{ system: "email", value: email }] } : {}) })).id!;
  for (const guardian of guardians) await repo.create(aGuardianship({ patientId: teen, agentPatientId: guardian, scopes: [] }));
  return teen;
}

describe("runMajorityTick: thirty days before, an activation for the young person, and both told, once", () => {
  it("hands over those whose birthday is within 30 Paris days, tells each guardian, and never twice", async () => {
    const address = `ado-${Date.now()}@example.org`;
    const inTwenty = await aTeen("Hugo", birthDayFor(18, 20), [parents.camille, parents.paul], address);
    const inTen = await aTeen("Inès", birthDayFor(18, 10), [parents.camille]);
    const inForty = await aTeen("Jules", birthDayFor(18, 40), [parents.camille], `jules-${Date.now()}@example.org`);
    const adult = await aTeen("Karim", birthDayFor(18, -1), [parents.camille], `karim-${Date.now()}@example.org`);
    const ours = new Set([inTwenty, inTen, inForty, adult]);

    const first = await runMajorityTick(new Date());
    const handed = first.handedOver.filter((h) => ours.has(h.patientId));
    expect(handed).toEqual(
      expect.arrayContaining([
        { patientId: inTwenty, activation: "email", guardians: 2 },
        { patientId: inTen, activation: "letter", guardians: 1 },
      ]),
    );
    expect(handed).toHaveLength(2);

    // A later run acts on nobody, and does not even read their records again (no new trace in their history).
    const tickReads = () => db().prisma.auditEvent.count({ where: { patientId: { in: [...ours] }, agent: "System/majority-handover" } });
    const readsBefore = await tickReads();
    expect(readsBefore).toBeGreaterThan(0);
    const second = await runMajorityTick(new Date());
    expect(second.handedOver.filter((h) => ours.has(h.patientId))).toEqual([]);
    expect(await tickReads()).toBe(readsBefore);

    // The young person: a notice in their space, an account waiting for activation, one e-mail with the code.
    const notices = await db().prisma.notification.findMany({ where: { patientId: { in: [inTwenty, inTen, inForty, adult] } } });
    expect(notices.map((n) => [n.patientId, n.kind]).sort()).toEqual([[inTen, "majority-approaching"], [inTwenty, "majority-approaching"]].sort());
    const account = await db().prisma.account.findFirst({ where: { fhirRef: `Patient/${inTwenty}` } });
    expect(account?.activatedAt ?? null).toBeNull();
    const mails = await db().prisma.emailOutbox.findMany({ where: { recipient: address } });
    const activation = mails.filter((m) => m.kind === "majority-activation");
    expect(activation).toHaveLength(1);
    expect(activation[0]!.textBody).toMatch(/code d'activation : [A-Z0-9-]{20,}/i);
    for (const mail of mails) expect(`${mail.subject}\n${mail.textBody}`).not.toMatch(/Martin|Hugo|Camille|Paul/);

    // Each guardian: one notice in their own space (and so by e-mail), whatever the number of runs.
    const guardianNotices = await db().prisma.notification.findMany({ where: { kind: "majority-guardian", dedupeKey: { in: [`majority:${inTwenty}:${parents.camille}`, `majority:${inTwenty}:${parents.paul}`, `majority:${inTen}:${parents.camille}`] } } });
    expect(guardianNotices.map((n) => n.patientId).sort()).toEqual([parents.camille, parents.camille, parents.paul].sort());
    const rows = await db().prisma.majorityHandover.findMany({ where: { patientId: { in: [...ours] } } });
    expect(rows.map((r) => [r.patientId, r.activation]).sort()).toEqual([[inTen, "letter"], [inTwenty, "email"]].sort());
  });
});

/** Where /activer sends the young person after the code and birth date, the server's clock at `at`. */
async function typeCode(at: Date, code: string, birthDate: string): Promise<string | null> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  try {
    const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const request = new Request(`${appUrl()}/activer/etape/code`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), "x-forwarded-for": address },
      body: new URLSearchParams({ code, birthDate }),
    });
    return (await inRequestScope(request, () => typeActivationCode(request))).headers.get("location");
  } finally {
    vi.useRealTimers();
  }
}

/**
 * The young person already had an account of their own, and lost every way into it: the
 * assistance ran account:recover (recover-account.ts), which left it waiting for re-activation
 * with a code sent by a channel it checked. That account is theirs (findAccountByFhirRef's
 * `activatedOnce` counts the recovery): the handover invites nobody, sends no code to the address
 * on the record (which may not be theirs, and would replace the assistance's code), and the
 * assistance's code still opens the activation.
 */
describe("an account waiting for re-activation after account:recover is left alone by the handover", () => {
  it("reports it as existing, e-mails no code, and the assistance's code still works", async () => {
    const recordAddress = `dossier-${Date.now()}@example.org`;
    const birthDate = birthDayFor(18, 15);
    const teen = await aTeen("Lina", birthDate, [parents.camille], recordAddress);
    await createAccount({ email: `compte-${teen}@example.org`, password: "girafe nuage tournevis printemps", totpSecret: newTotpSecret(), kind: "patient", fhirRef: `Patient/${teen}`, displayName: "Lina Martin" });
    const recovered = await recoverAccount({ kind: "patient", resourceId: teen, operator: "Test Assistance", now: new Date() });
    if (!recovered.ok) throw new Error(recovered.reason);

    const tick = await runMajorityTick(new Date());
    expect(tick.handedOver.find((h) => h.patientId === teen)).toEqual({ patientId: teen, activation: "existing", guardians: 1 });
    expect(await db().prisma.emailOutbox.count({ where: { recipient: recordAddress } })).toBe(0);
    expect(await db().prisma.account.findFirst({ where: { fhirRef: `Patient/${teen}` }, select: { email: true } })).toEqual({ email: `compte-${teen}@example.org` });
    expect(await typeCode(new Date(), recovered.code, birthDate)).toMatch(/\/activer\/mot-de-passe$/);
  });
});

/**
 * The handover's code is sent up to thirty days before the birthday: it must still work on the
 * birthday, and stop HANDOVER_GRACE_DAYS after it (an ordinary activation lasts 72 hours). Typed
 * at /activer as the young person would, the server's clock moved to the day in question (only
 * Date is faked; timers and the database run as usual). Here and not in a file of its own: two
 * ticks at once in one database would each make a code (run-majority-tick.ts says why not).
 */
describe("the handover's activation code lasts until HANDOVER_GRACE_DAYS after the birthday", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function handedOver(days: number): Promise<{ code: string; birthDate: string; email: string }> {
    const email = `majeur-${Date.now()}-${days}@example.org`;
    const birthDate = birthDayFor(18, days);
    const teen = await aTeen("Noa", birthDate, [parents.camille], email);
    expect((await runMajorityTick(new Date())).handedOver.find((h) => h.patientId === teen)?.activation).toBe("email");
    const [mail] = await db().prisma.emailOutbox.findMany({ where: { recipient: email, kind: "majority-activation" } });
    const code = /code d'activation : ([A-Z0-9-]{20,})/i.exec(mail?.textBody ?? "")?.[1];
    if (!code) throw new Error("no activation code in the e-mail");
    return { code, birthDate, email };
  }


  it("works on the 18th birthday, once, stored hashed with its end at the margin", async () => {
    const { code, birthDate, email } = await handedOver(20);
    const birthday = majorityDay(birthDate)!;
    const token = await db().prisma.accountToken.findFirst({ where: { account: { email }, purpose: "activation" } });
    expect(token?.expiresAt.toISOString()).toBe(startOfParisDay(addDaysToDay(birthday, HANDOVER_GRACE_DAYS + 1)).toISOString());
    expect(JSON.stringify(token)).not.toContain(code.replace(/-/g, ""));

    const midday = new Date(startOfParisDay(birthday).getTime() + 12 * 3600 * 1000);
    expect(await typeCode(midday, code, birthDate)).toBe("/activer/mot-de-passe");
    // Once: typed again by its holder, it says it has served (start-activation.ts), not « réessayez ».
    expect(await typeCode(new Date(midday.getTime() + 60_000), code, birthDate)).toBe("/activer?erreur=utilise");
  });

  it("works in the last minute of the margin, and no longer after it", async () => {
    const late = await handedOver(25);
    const expiry = handoverActivationExpiry(late.birthDate)!;
    expect(await typeCode(new Date(expiry.getTime() + 1), late.code, late.birthDate)).toBe("/activer?erreur=1");
    expect(await typeCode(new Date(expiry.getTime() + 40 * 24 * 3600 * 1000), late.code, late.birthDate)).toBe("/activer?erreur=1");

    const onTime = await handedOver(26);
    const lastMinute = new Date(handoverActivationExpiry(onTime.birthDate)!.getTime() - 60_000);
    expect(await typeCode(lastMinute, onTime.code, onTime.birthDate)).toBe("/activer/mot-de-passe");
  });
});

describe("a guardian's access ends on the 18th birthday, on every path", () => {
  let teen: string;
  let session: SignedIn;
  beforeAll(async () => {
    teen = await aTeen("Lou", birthDayFor(18, 1), [parents.camille]);
    session = await signIn(`Patient/${parents.camille}`, { space: teen, name: "Camille Martin" });
  });

  const postMeasure = (cookie: string, fields: Record<string, string>) => {
    const request = new Request(`${appUrl()}/espace/carnet-enfant/mesure`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie },
      body: new URLSearchParams(fields),
    });
    return inRequestScope(request, () => record(request));
  };

  it("the day before, Camille acts in Lou's space", async () => {
    expect((await fhir("GET", `Patient/${teen}`, { cookie: session.cookie })).status).toBe(200);
  });

  it("nor can Camille postpone the day by making Lou younger: 403, birth date unchanged", async () => {
    const repo = await system();
    const stored = await repo.read<Patient>("Patient", teen);
    const answer = await fhir("PUT", `Patient/${teen}`, { cookie: session.cookie, body: { ...stored, birthDate: "2015-01-01" }, headers: sameOrigin({ "if-match": `W/"${stored.meta?.versionId}"` }) });
    expect(answer.status).toBe(403);
    expect((await repo.read<Patient>("Patient", teen)).birthDate).toBe(stored.birthDate);
  });

  it("nor can Camille put her own address on Lou's record, where the code of Lou's account goes: 403, no address; Lou is sent to the assistance's letter", async () => {
    const repo = await system();
    const stored = await repo.read<Patient>("Patient", teen);
    const camilleAddress = `camille-${Date.now()}@example.org`;
    const answer = await fhir("PUT", `Patient/${teen}`, {
      cookie: session.cookie,
      body: { ...stored, telecom: [{ system: "email", value: camilleAddress }] },
      headers: sameOrigin({ "if-match": `W/"${stored.meta?.versionId}"` }),
    });
    expect(answer.status).toBe(403);
    expect((await repo.read<Patient>("Patient", teen)).telecom).toBeUndefined();

    const tick = await runMajorityTick(new Date());
    expect(tick.handedOver.filter((h) => h.patientId === teen)).toEqual([{ patientId: teen, activation: "letter", guardians: 1 }]);
    expect(await db().prisma.emailOutbox.count({ where: { recipient: camilleAddress } })).toBe(0);
  });

  it("on the birthday (Paris day), the API answers 404, writes are refused, the form writes nowhere, and the space cannot be reopened", async () => {
    const repo = await system();
    const patient = await repo.read<Patient>("Patient", teen);
    await repo.update({ ...patient, birthDate: birthDayFor(18, 0) });

    expect((await fhir("GET", `Patient/${teen}`, { cookie: session.cookie })).status).toBe(404);
    const search = await fhir("GET", `Observation?patient=${teen}`, { cookie: session.cookie });
    expect([200, 403, 404]).toContain(search.status);
    if (search.status === 200) expect(idsOf(search)).toEqual([]);
    const body: Observation = {
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "29463-7" }] },
      subject: { reference: `Patient/${teen}` },
      effectiveDateTime: "2026-06-01",
      valueQuantity: { value: 60, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" },
    };
    expect([403, 404]).toContain((await fhir("POST", "Observation", { cookie: session.cookie, body, headers: sameOrigin() })).status);

    const form = await postMeasure(session.cookie, { espace: teen, date: "2026-06-01", poids: "60" });
    // Sent from the space the session still points at, that the tie no longer reaches: to the
    // space's home page, which says the access has ended (lost-space-answer.ts).
    expect(form.headers.get("location")).toBe("/espace");
    const written = await repo.search<Observation>("Observation", { patientId: teen, count: 10 });
    expect(written.resources).toEqual([]);
    const camilleOwn = await repo.search<Observation>("Observation", { patientId: parents.camille, count: 10 });
    expect(camilleOwn.resources).toEqual([]);

    const checked = await checkSession(session.sessionId, new Date());
    expect(await switchSpace(checked!, teen, new Date())).toBe(false);
  });
});

/**
 * Found by an exploratory test of the demo: a caregiver Camille invited in her son's space kept
 * acting in it after his 18th birthday, until the end date she chose, up to three years later.
 * Chosen by the parental authority, the delegation ends with it; one the young adult gives
 * after the birthday is theirs, and lasts as they chose.
 */
describe("a caregiver chosen in a child's space: the access ends on the 18th birthday too", () => {
  it("reads the day before, not on the birthday; a delegation given after the birthday is untouched", async () => {
    const repo = await system();
    const aunt = (await repo.create(aPatient({ given: "Rose", family: "Tante", birthDate: "1970-01-01" }))).id!;
    const teen = await aTeen("Noé", birthDayFor(18, 1), [parents.camille]);
    const inTwoYears = addMonthsToDay(parisDayOf(new Date()), 24);
    await repo.create(aDelegation({ patientId: teen, agentPatientId: aunt, scopes: ["documents:read"], start: new Date(Date.now() - 30 * 86_400_000).toISOString(), end: inTwoYears }));
    const adult = await aTeen("Sam", birthDayFor(18, -40), []);
    await repo.create(aDelegation({ patientId: adult, agentPatientId: aunt, scopes: ["documents:read"], start: new Date(Date.now() - 86_400_000).toISOString(), end: inTwoYears }));
    const inTeen = await signIn(`Patient/${aunt}`, { space: teen, name: "Rose Tante" });
    const inAdult = await signIn(`Patient/${aunt}`, { space: adult, name: "Rose Tante" });
    expect((await fhir("GET", `Patient/${teen}`, { cookie: inTeen.cookie })).status).toBe(200);

    const patient = await repo.read<Patient>("Patient", teen);
    await repo.update({ ...patient, birthDate: birthDayFor(18, 0) });
    expect((await fhir("GET", `Patient/${teen}`, { cookie: inTeen.cookie })).status).toBe(404);
    expect(await switchSpace((await checkSession(inTeen.sessionId, new Date()))!, teen, new Date())).toBe(false);
    expect((await fhir("GET", `Patient/${adult}`, { cookie: inAdult.cookie })).status).toBe(200);
  });
});

/**
 * The page a guardian opens in the child's space once the child is 18 says why she no longer
 * reaches it: the child came of age, not « retiré, ou arrivé à sa date de fin » (found by an
 * exploratory test). The server's clock moved from ten minutes before the birthday to ten after
 * (only Date is faked), the same session.
 */
describe("the page a guardian opens after the 18th birthday", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("says the person came of age; a caregiver's access withdrawn before it still says withdrawn or ended", async () => {
    const birthDate = birthDayFor(18, 1);
    const birthday = startOfParisDay(majorityDay(birthDate)!);
    // The ties are written on the faked clock too: each is stamped with the time it is written
    // (prepare-write.ts), and written on the real one a run after 23:50 in Paris stamped them
    // after the « ten minutes before » below, so they had not begun yet (a CI run failed so).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(birthday.getTime() - 20 * 60_000));
    const teen = await aTeen("Eli", birthDate, [parents.camille]);
    const aunt = (await (await system()).create(aPatient({ given: "Alix", family: "Tante", birthDate: "1980-01-01" }))).id!;
    const withdrawn = await (await system()).create(aDelegation({ patientId: teen, agentPatientId: aunt, scopes: ["documents:read"] }));
    vi.setSystemTime(new Date(birthday.getTime() - 10 * 60_000));
    const guardian = await signIn(`Patient/${parents.camille}`, { space: teen, name: "Camille Martin" });
    const caregiver = await signIn(`Patient/${aunt}`, { space: teen, name: "Alix Tante" });
    const view = async (cookie: string) => (await servePage(documentsPage, "/espace/documents", { cookie, framed: true })).html!.replace(/&#x27;/g, "'");
    const before = await view(guardian.cookie);
    expect(before).toContain("Eli Martin");
    expect(before).not.toContain("Vous n'avez plus accès à cet espace");
    await (await system()).update({ ...withdrawn, active: false });

    vi.setSystemTime(new Date(birthday.getTime() + 10 * 60_000));
    const after = await view(guardian.cookie);
    expect(after).toContain("Vous n'avez plus accès à cet espace");
    expect(after).toContain("Votre accès à l'espace santé de cette personne a pris fin : elle est devenue majeure.");
    expect(after).not.toContain("il a été retiré");
    expect(after).not.toContain("Eli");
    // Withdrawn the day before: that is what ended it, and what it says.
    expect(await view(caregiver.cookie)).toContain("il a été retiré, ou il est arrivé à sa date de fin");
  });
});
