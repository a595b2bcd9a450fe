import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { ACCOUNTS, DEMO_PASSWORD, PATIENT_IDS, PRACTITIONER_IDS, RELATED_PERSON_IDS, type AccountPersona } from "@/lib/demo/personas";
import { SIGN_IN_DELAYS, SIGN_IN_LIMITS } from "@/server/auth/throttle-policy";
import { onFreshConnection, type Answer } from "../helpers/fresh-connection";
import { randomAddress, signIn } from "../helpers/sign-in";

/**
 * The portal as production runs it on a PostgreSQL server: two processes sharing one port
 * (playwright.config.ts, `clusterServer`). Nothing about access may live in one process's
 * memory: what one process decides (a block, a sign-out, a count of wrong passwords, a withdrawn
 * delegation), the other honours at the very next request. Each request below goes on a
 * connection of its own, so the cluster hands them to its processes in turn, and which process
 * answered is checked, not assumed (fresh-connection.ts).
 */
test.describe.configure({ mode: "serial" });

const CAMILLE = PATIENT_IDS.camille;
const BERNARD = PRACTITIONER_IDS.bernard;

/**
 * Each persona's session, kept from one test of this file to the next, as persona-pages.ts does
 * for the other specs: the server takes a TOTP code once per account and 30-second step, so
 * Camille's four sign-ins here waited for the clock twice (13 s and 24 s in one run). A kept
 * session is used again only when it still opens the persona's home, put back in her own space
 * (a test signs her out; another leaves her in Jean's space, then withdraws it).
 */
const sessions = new Map<AccountPersona, string>();

async function stillOpen(baseURL: string, persona: AccountPersona, cookie: string): Promise<boolean> {
  const account = ACCOUNTS[persona];
  if (account.kind === "patient") {
    const own = account.fhirRef.slice("Patient/".length);
    const back = await onFreshConnection(baseURL, "/espace/espace-actif", { method: "POST", cookie, form: { patientId: own }, address: randomAddress() });
    if (back.status !== 303 || back.location?.includes("/connexion")) return false;
  }
  const home = await onFreshConnection(baseURL, account.kind === "patient" ? "/espace" : "/pro", { cookie, address: randomAddress() });
  return home.status === 200;
}

/** The persona's session (signed in with a real browser, or kept: see `sessions`), as a Cookie header. */
async function sessionCookie(browser: Browser, baseURL: string, persona: AccountPersona): Promise<string> {
  const kept = sessions.get(persona);
  if (kept && (await stillOpen(baseURL, persona, kept))) return kept;
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
  try {
    const page = await context.newPage();
    await signIn(page, persona);
    const cookies = await context.cookies(baseURL);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    sessions.set(persona, cookie);
    return cookie;
  } finally {
    await context.close();
  }
}

/** The same view on fresh connections until both processes have answered it (at most 8). */
async function onEveryProcess(baseURL: string, path: string, cookie: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  while (answers.length < 8 && new Set(answers.map((a) => a.servedBy)).size < 2) {
    answers.push(await onFreshConnection(baseURL, path, { cookie, address: randomAddress() }));
  }
  expect(new Set(answers.map((a) => a.servedBy)).size, `processes that answered ${path}`).toBe(2);
  return answers;
}

test("a session opened on one process is honoured by the other", async ({ browser, baseURL }) => {
  const bernard = await sessionCookie(browser, baseURL!, "bernard");
  for (const answer of await onEveryProcess(baseURL!, "/pro", bernard)) {
    expect(answer.status, `process ${answer.servedBy}`).toBe(200);
    expect(answer.body).toContain("Sophie Bernard");
  }
});

test("Camille blocks Dr Bernard through one process; his very next view, on either process, finds nothing; she lifts it", async ({ browser, baseURL }) => {
  const [bernard, camille] = [await sessionCookie(browser, baseURL!, "bernard"), await sessionCookie(browser, baseURL!, "camille")];
  const record = `/pro/patients/${CAMILLE}`;
  for (const answer of await onEveryProcess(baseURL!, record, bernard)) expect(answer.status, `before, process ${answer.servedBy}`).toBe(200);

  const block = await onFreshConnection(baseURL!, "/api/partage/bloquer", { method: "POST", cookie: camille, form: { praticien: BERNARD }, address: randomAddress() });
  expect(block.status).toBe(303);
  expect(block.location).toContain("message=bloque");
  // His very next view: whichever process it reaches, the one that wrote the block or the other.
  const next = await onFreshConnection(baseURL!, record, { cookie: bernard, address: randomAddress() });
  expect(next.status, `the very next view, process ${next.servedBy} (the block went through ${block.servedBy})`).toBe(404);
  for (const answer of await onEveryProcess(baseURL!, record, bernard)) {
    expect(answer.status, `blocked, process ${answer.servedBy}`).toBe(404);
    expect(answer.body).not.toContain("Camille");
  }

  const lift = await onFreshConnection(baseURL!, "/api/partage/debloquer", { method: "POST", cookie: camille, form: { praticien: BERNARD }, address: randomAddress() });
  expect(lift.location).toContain("message=debloque");
  for (const answer of await onEveryProcess(baseURL!, record, bernard)) expect(answer.status, `lifted, process ${answer.servedBy}`).toBe(200);
});

test("signing out through one process ends the session on both", async ({ browser, baseURL }) => {
  const camille = await sessionCookie(browser, baseURL!, "camille");
  for (const answer of await onEveryProcess(baseURL!, "/espace", camille)) expect(answer.status, `signed in, process ${answer.servedBy}`).toBe(200);

  const signOut = await onFreshConnection(baseURL!, "/deconnexion", { method: "POST", cookie: camille, form: {}, address: randomAddress() });
  expect(signOut.status).toBe(303);
  expect(signOut.location).toContain("/connexion");
  // The old cookie, replayed on both processes, signs no one in.
  for (const answer of await onEveryProcess(baseURL!, "/espace", camille)) {
    expect(answer.status, `replayed, process ${answer.servedBy}`).not.toBe(200);
    expect(answer.location ?? "", `replayed, process ${answer.servedBy}`).toContain("/connexion");
  }
});

test("wrong passwords spread over both processes count as one: the account's window from one address fills, and refuses even the right one", async ({ baseURL }) => {
  test.setTimeout(30_000);
  const address = randomAddress();
  const attempt = (password: string) =>
    onFreshConnection(baseURL!, "/connexion/mot-de-passe", { method: "POST", form: { email: ACCOUNTS.petit.email, password }, address });
  const pause = () => new Promise((resolve) => setTimeout(resolve, SIGN_IN_DELAYS.firstDelayMs + 500));
  const failures: Answer[] = [];
  for (let i = 0; i < SIGN_IN_LIMITS.accountAndAddress; i++) {
    // Past the free failures, each waits out the growing delay so that it is counted.
    if (i >= SIGN_IN_DELAYS.freeFailures) await pause();
    failures.push(await attempt(`mauvais-${i}`));
  }
  for (const failure of failures) expect(failure.location, `process ${failure.servedBy}`).toContain("/connexion?erreur=identifiants");
  expect(new Set(failures.map((f) => f.servedBy)).size, "processes that counted a failure").toBe(2);
  await pause();
  const right = await attempt(DEMO_PASSWORD);
  expect(right.location, `the right password, process ${right.servedBy}`).toContain("/connexion?erreur=identifiants");
});

// Last: it ends the demo's delegation from Jean to Camille in this server's database (by design).
test("Jean withdraws Camille's delegation through one process; her very next view of his space, on either process, says her access has ended", async ({ browser, baseURL }) => {
  const [camille, jean] = [await sessionCookie(browser, baseURL!, "camille"), await sessionCookie(browser, baseURL!, "jean")];
  // The page's title in his space (the banner's words are split by React's markers in the HTML).
  const inJeansSpace = "Documents de Jean Martin";
  const open = await onFreshConnection(baseURL!, "/espace/espace-actif", { method: "POST", cookie: camille, form: { patientId: PATIENT_IDS.jean }, address: randomAddress() });
  expect(open.status).toBe(303);
  for (const answer of await onEveryProcess(baseURL!, "/espace/documents", camille)) {
    expect(answer.status, `delegated, process ${answer.servedBy}`).toBe(200);
    expect(answer.body, `delegated, process ${answer.servedBy}`).toContain(inJeansSpace);
  }

  const withdraw = await onFreshConnection(baseURL!, `/api/proches/${RELATED_PERSON_IDS.camilleForJean}/retirer`, { method: "POST", cookie: jean, form: {}, address: randomAddress() });
  expect(withdraw.location).toContain("message=retiree");
  // « Vous n'avez plus accès à cet espace » (lost-space.ts), as React escapes it, with a 403.
  const lost = "Vous n&#x27;avez plus accès à cet espace";
  const next = await onFreshConnection(baseURL!, "/espace/documents", { cookie: camille, address: randomAddress() });
  expect(next.body, `the very next view, process ${next.servedBy} (the withdrawal went through ${withdraw.servedBy})`).not.toContain(inJeansSpace);
  expect(next.body, `the very next view, process ${next.servedBy}`).toContain(lost);
  for (const answer of await onEveryProcess(baseURL!, "/espace/documents", camille)) {
    expect(answer.status, `withdrawn, process ${answer.servedBy}`).toBe(403);
    expect(answer.body, `withdrawn, process ${answer.servedBy}`).not.toContain(inJeansSpace);
    expect(answer.body, `withdrawn, process ${answer.servedBy}`).toContain(lost);
  }
});

test("PostgreSQL ends the connections the processes pipeline their reads on: the next views, on either process, are answered", async ({ browser, baseURL }) => {
  const camille = await sessionCookie(browser, baseURL!, "camille");
  for (const answer of await onEveryProcess(baseURL!, "/espace/documents", camille)) expect(answer.status, `before, process ${answer.servedBy}`).toBe(200);
  // As the database's owner (an operator, a failover): both processes' read connections
  // (src/server/db/pipelined-reads.ts), named so in pg_stat_activity.
  const owner = new pg.Client({ connectionString: process.env.E2E_CLUSTER_DATABASE_URL });
  await owner.connect();
  try {
    const readConnections = async () =>
      (await owner.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'espace-sante-lectures' AND datname = current_database()")).rows.map((row) => row.pid);
    const before = await readConnections();
    expect(before.length, "read connections open before").toBeGreaterThan(0);
    await owner.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'espace-sante-lectures' AND datname = current_database()");
    // Long enough for each process to hear its connections end (a read already sent on one fails,
    // as on a pooled connection); then every view is answered, on new connections.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const answer of await onEveryProcess(baseURL!, "/espace/documents", camille)) {
      expect(answer.status, `after, process ${answer.servedBy}`).toBe(200);
      expect(answer.body, `after, process ${answer.servedBy}`).toContain("Mes documents");
    }
    const after = await readConnections();
    expect(after.length, "read connections open after").toBeGreaterThan(0);
    expect(after.filter((pid) => before.includes(pid)), "none of the ended ones").toEqual([]);
  } finally {
    await owner.end();
  }
});
