import type { Communication, DocumentReference, MedicationDispense, MedicationRequest, Patient } from "@medplum/fhirtypes";
import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as deliver } from "@/app/(link)/p/[linkId]/delivrer/route";
import { POST as open } from "@/app/(link)/p/[linkId]/ouvrir/route";
import { FhirError } from "@/server/fhir/errors";
import { readPrescription } from "@/server/prescriptions/read-prescriptions";
import { recordDispense } from "@/server/prescriptions/record-dispense";
import { viewSharedPrescription } from "@/server/prescriptions/view-shared-prescription";
import { linkScope } from "@/server/sharing/link-scope";
import { LINK_POLICY } from "@/server/sharing/link-policy";
import { secretMatches } from "@/server/sharing/link-secret";
import { listMyLinks } from "@/server/sharing/list-my-links";
import { openLink, type OpenLinkResult } from "@/server/sharing/open-link";
import { revokeLink } from "@/server/sharing/revoke-link";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { config as proxyConfig, proxy } from "@/proxy";
import { validateForWrite } from "@/server/fhir/validate";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { APP, cookieOf, formPost, locationOf, params, secretOf } from "../prescriptions/http";
import { buildWorld, type World } from "../prescriptions/world";

/** SECURITY-CASES 16-21: share links, attacked. */
const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  // Index the FHIR definitions before the first write: lazily, inside that write's transaction,
  // it can outlast the 5 s transaction timeout on a loaded machine.
  validateForWrite(aPatient());
  world = await buildWorld();
});

const address = () => `10.${rnd()}.${rnd()}.${rnd()}`;
const rnd = () => Math.floor(Math.random() * 256);
const wrong = (right: string) => (right === "000000" ? "000001" : "000000");

async function share(prescriptionId = world.camilleActive.prescriptionId, withPasscode = true) {
  return sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId, withPasscode }, APP);
}

async function opened(shared: Awaited<ReturnType<typeof share>>, pharmacy = "Pharmacie des Tests") {
  const result = await openLink({ linkId: shared.linkId, secret: secretOf(shared.url), passcode: shared.passcode ?? "", pharmacy, address: address() }, new Date());
  if (result.kind !== "opened") throw new Error(`not opened: ${result.kind}`);
  const scope = await linkScope(shared.linkId, result.token, { address: "198.51.100.9" }, new Date());
  if (!scope) throw new Error("no scope");
  return { token: result.token, scope, cookie: `espace-sante.pharmacie=${result.token}` };
}

describe("16. guessing links", () => {
  it("100,000 random link ids and keys find nothing, and 100,000 keys tried on a real link's id match none", async () => {
    const real = await share();
    const row = await db().prisma.shareLink.findUniqueOrThrow({ where: { id: real.linkId } });
    const started = performance.now();
    const ids = Array.from({ length: 100_000 }, () => randomUUID());
    const keys = Array.from({ length: 100_000 }, () => randomBytes(32).toString("base64url"));
    // The lookup, in bulk: a link by id, then its key against the stored hash.
    const found = await db().sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM share_link WHERE id = ANY($1::uuid[])`, [ids]);
    expect(found[0]?.n).toBe(0);
    expect(keys.filter((key) => secretMatches(key, row.secretHash))).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("openings from one address are rate-limited after 30, before any lookup, whatever the link", async () => {
    const from = address();
    const real = await share();
    const results: OpenLinkResult["kind"][] = [];
    for (let i = 0; i < 60; i++) {
      const guess = i % 2 === 0 ? randomUUID() : real.linkId;
      results.push((await openLink({ linkId: guess, secret: randomBytes(32).toString("base64url"), passcode: "123456", pharmacy: "Scanner", address: from }, new Date())).kind);
    }
    expect(results.slice(0, LINK_POLICY.openingsPerAddress).every((k) => k === "not-found")).toBe(true);
    expect(results.slice(LINK_POLICY.openingsPerAddress).every((k) => k === "rate-limited")).toBe(true);
    // Wrong keys never cost the real link a passcode attempt.
    expect((await db().prisma.shareLink.findUniqueOrThrow({ where: { id: real.linkId } })).attemptsLeft).toBe(10);
  });
});

describe("17. wrong passcodes in parallel", () => {
  it("50 at once: exactly 10 count, each remaining value once, the link dies at zero and the patient is told once", async () => {
    const shared = await share();
    const key = secretOf(shared.url);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => openLink({ linkId: shared.linkId, secret: key, passcode: wrong(shared.passcode!), pharmacy: "Pharmacie Pressée", address: address() }, new Date())),
    );
    const counted = results.filter((r): r is Extract<OpenLinkResult, { kind: "wrong-passcode" }> => r.kind === "wrong-passcode");
    expect(counted.map((r) => r.attemptsLeft).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.filter((r) => r.kind === "not-found")).toHaveLength(40);
    expect((await db().prisma.shareLink.findUniqueOrThrow({ where: { id: shared.linkId } })).attemptsLeft).toBe(0);

    // Dead: even the right passcode is refused now.
    const right = await openLink({ linkId: shared.linkId, secret: key, passcode: shared.passcode!, pharmacy: "Pharmacie Pressée", address: address() }, new Date());
    expect(right.kind).toBe("not-found");

    const messages = await db().prisma.resource.findMany({ where: { patientId: world.camilleId, resourceType: "Communication" } });
    const aboutThis = messages.map((m) => m.content as unknown as Communication).filter((c) => c.identifier?.some((i) => i.value === shared.linkId));
    expect(aboutThis).toHaveLength(1);
    const mine = (await listMyLinks(await world.repoFor(world.actors.camille)))!.find((l) => l.id === shared.linkId)!;
    expect(mine).toMatchObject({ state: "locked", attemptsLeft: 0, wrongPasscodes: 50 });
  });

  it("one after another, the tries left only go down, through the route the page posts to; the tenth wrong code ends on the dead link's page", async () => {
    const shared = await share();
    const seen: string[] = [];
    for (let i = 0; i < 11; i++) {
      const answer = await open(formPost(`/p/${shared.linkId}/ouvrir`, { cle: secretOf(shared.url), code: wrong(shared.passcode!), pharmacie: "Pharmacie Lente" }, { address: address() }), params({ linkId: shared.linkId }));
      seen.push(locationOf(answer) ?? "");
    }
    expect(seen.slice(0, 9)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => `/p/${shared.linkId}?erreur=code&essais=${n}`));
    expect(seen.slice(9)).toEqual([`/p/${shared.linkId}/indisponible`, `/p/${shared.linkId}/indisponible`]);
    expect((await db().prisma.shareLink.findUniqueOrThrow({ where: { id: shared.linkId } })).attemptsLeft).toBe(0);
  });
});

describe("18. expired, revoked, fully dispensed: 404 on the next request", () => {
  it("each answers not found to the opening and ends an open session", async () => {
    const expiring = await share();
    const revoked = await share();
    const { prescriptionId } = await world.addPrescription(world.camilleId, { lines: [{ medication: "Ibuprofène 400 mg", dosage: "1 comprimé si douleur", quantity: { value: 1, unit: "boîte(s)" } }] });
    const dispensed = await share(prescriptionId);
    const sessions = { expiring: await opened(expiring), revoked: await opened(revoked), dispensed: await opened(dispensed) };

    const later = new Date(expiring.expiresAt.getTime() + 1000);
    expect((await openLink({ linkId: expiring.linkId, secret: secretOf(expiring.url), passcode: expiring.passcode!, pharmacy: "P", address: address() }, later)).kind).toBe("not-found");
    expect(await linkScope(expiring.linkId, sessions.expiring.token, { address: "198.51.100.9" }, new Date(Math.min(later.getTime(), Date.now() + 29 * 60_000)))).toBeDefined();
    expect(await linkScope(expiring.linkId, sessions.expiring.token, { address: "198.51.100.9" }, later)).toBeUndefined();

    await revokeLink(await world.repoFor(world.actors.camille), revoked.linkId);
    expect((await openLink({ linkId: revoked.linkId, secret: secretOf(revoked.url), passcode: revoked.passcode!, pharmacy: "P", address: address() }, new Date())).kind).toBe("not-found");
    expect(await linkScope(revoked.linkId, sessions.revoked.token, { address: "198.51.100.9" }, new Date())).toBeUndefined();

    const view = await viewSharedPrescription(sessions.dispensed.scope.repo);
    const line = view.prescription.lines[0]!;
    expect(await recordDispense(sessions.dispensed.scope.repo, { formKey: view.formKey, state: view.state, quantities: { [line.requestId]: line.remainingQuantity } })).toEqual({ kind: "recorded", completed: true });
    expect((await openLink({ linkId: dispensed.linkId, secret: secretOf(dispensed.url), passcode: dispensed.passcode!, pharmacy: "P", address: address() }, new Date())).kind).toBe("not-found");
    expect(await linkScope(dispensed.linkId, sessions.dispensed.token, { address: "198.51.100.9" }, new Date())).toBeUndefined();

    const reasons = await db().prisma.auditEvent.findMany({
      where: { patientId: world.camilleId, interaction: "link-open", outcome: "denied", entity: { in: [revoked.linkId, dispensed.linkId].map((id) => `ShareLink/${id}`) } },
    });
    expect(reasons.map((r) => r.reason).sort()).toEqual(["dispensed", "revoked"]);
  });

  it("a prescription closed elsewhere (its lines completed or cancelled, nothing dispensed through the link) ends its link and the open session", async () => {
    // The link's row carries no mark here: whether the prescription still opens is read with it.
    for (const status of ["completed", "cancelled"] as const) {
      const { prescriptionId, requests } = await world.addPrescription(world.camilleId, { lines: [{ medication: "Ibuprofène 400 mg", dosage: "1 comprimé si douleur", quantity: { value: 1, unit: "boîte(s)" } }] });
      const shared = await share(prescriptionId);
      const session = await opened(shared);
      for (const request of requests) await world.system.update<MedicationRequest>({ ...request, status });
      expect(await linkScope(shared.linkId, session.token, { address: "198.51.100.9" }, new Date()), status).toBeUndefined();
      const retried = await openLink({ linkId: shared.linkId, secret: secretOf(shared.url), passcode: shared.passcode!, pharmacy: "P", address: address() }, new Date());
      expect(retried.kind, status).toBe("not-found");
      const links = await listMyLinks(await world.repoFor(world.actors.camille), prescriptionId);
      expect(links?.map((l) => l.state), status).toEqual(["dispensed"]);
      const refusal = await db().prisma.auditEvent.findFirst({ where: { patientId: world.camilleId, interaction: "link-open", outcome: "denied", entity: `ShareLink/${shared.linkId}` } });
      expect(refusal?.reason, status).toBe("dispensed");
    }
  });
});

describe("19. the key never reaches the server's output or a third party", () => {
  it("a whole visit through the route handlers prints nothing with the key, and no table holds it", async () => {
    const output: string[] = [];
    const methods = ["log", "info", "warn", "error", "debug"] as const;
    const saved = methods.map((m) => console[m]);
    const stdout = process.stdout.write.bind(process.stdout);
    const stderr = process.stderr.write.bind(process.stderr);
    const capture = (...args: unknown[]) => {
      output.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a) ?? String(a))).join(" "));
    };
    methods.forEach((m) => (console[m] = capture));
    process.stdout.write = ((chunk: unknown) => (capture(String(chunk)), true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown) => (capture(String(chunk)), true)) as typeof process.stderr.write;
    let key = "";
    const answers: Response[] = [];
    try {
      const { prescriptionId } = await world.addPrescription(world.camilleId);
      const shared = await share(prescriptionId);
      key = secretOf(shared.url);
      const post = (path: string, fields: Record<string, string>, cookie?: string) => formPost(path, fields, { cookie, address: address() });
      answers.push(await open(post(`/p/${shared.linkId}/ouvrir`, { cle: key, code: wrong(shared.passcode!), pharmacie: "Pharmacie Bavarde" }), params({ linkId: shared.linkId })));
      answers.push(await open(post(`/p/${shared.linkId}/ouvrir`, { cle: key, code: shared.passcode!, pharmacie: "Pharmacie Bavarde" }), params({ linkId: shared.linkId })));
      const cookie = cookieOf(answers[1]!)!;
      const scope = await linkScope(shared.linkId, cookie.split("=")[1], { address: "198.51.100.9" }, new Date());
      const view = await viewSharedPrescription(scope!.repo);
      const line = view.prescription.lines[0]!;
      const fields = { "cle-formulaire": view.formKey, etat: view.state, [`choix-${line.requestId}`]: "partie", [`quantite-${line.requestId}`]: "1" };
      answers.push(await deliver(post(`/p/${shared.linkId}/delivrer`, fields, cookie), params({ linkId: shared.linkId })));
      answers.push(await open(post(`/p/${randomUUID()}/ouvrir`, { cle: key, code: "123456", pharmacie: "Pharmacie Bavarde" }), params({ linkId: randomUUID() })));
    } finally {
      methods.forEach((m, i) => (console[m] = saved[i]!));
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    expect(key).toHaveLength(43);
    expect(output.join("\n")).not.toContain(key);
    for (const answer of answers) {
      expect([...answer.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n")).not.toContain(key);
      expect(await answer.text()).not.toContain(key);
    }
    for (const table of ["share_link", "audit_event", "rate_limit", "fhir_resource", "fhir_resource_history", "dispense_guard"]) {
      const rows = await db().sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE '%' || $1 || '%'`, [key]);
      expect(rows[0]?.n, table).toBe(0);
    }
  });

  it("the link's pages and form routes go through the proxy, which sends no-referrer and no-store", async () => {
    const linkId = randomUUID();
    const matcher = new RegExp(`^${proxyConfig.matcher[0]!.source}$`);
    for (const path of [`/p/${linkId}`, `/p/${linkId}/ouvrir`, `/p/${linkId}/delivrer`, `/p/${linkId}/indisponible`, "/espace/ordonnances/x/lien"]) {
      expect(matcher.test(path), path).toBe(true);
    }
    const response = proxy(new NextRequest(`${APP}/p/${linkId}`));
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
  });
});

describe("20. a link holder reaches its prescription and nothing else, whatever ids it sends", () => {
  it("other prescriptions, other patients, other kinds of resource, other links' pages: not found", async () => {
    const shared = await share();
    const { scope, cookie } = await opened(shared);
    const repo = scope.repo;
    const status = async (promise: Promise<unknown>) =>
      promise.then(
        () => 200,
        (error: unknown) => (error instanceof FhirError ? error.status : Promise.reject(error)),
      );
    expect((await repo.read<Patient>("Patient", world.camilleId)).id).toBe(world.camilleId);
    expect(await status(repo.read<Patient>("Patient", world.jeanId))).toBe(404);
    expect(await status(repo.read<MedicationRequest>("MedicationRequest", world.camilleOld.requests[0]!.id!))).toBe(404);
    expect(await status(repo.read<MedicationRequest>("MedicationRequest", world.jeanActive.requests[0]!.id!))).toBe(404);
    expect(await readPrescription(repo, world.camilleId, world.camilleOld.prescriptionId, new Date())).toBeUndefined();
    expect(await readPrescription(repo, world.jeanId, world.jeanActive.prescriptionId, new Date())).toBeUndefined();
    const search = async (type: "MedicationRequest" | "MedicationDispense" | "DocumentReference", patientId: string) =>
      (await repo.search<MedicationRequest | MedicationDispense | DocumentReference>(type, { patientId })).resources;
    expect((await search("MedicationRequest", world.camilleId)).every((r) => (r as MedicationRequest).groupIdentifier?.value === world.camilleActive.prescriptionId)).toBe(true);
    expect(await search("MedicationRequest", world.jeanId)).toHaveLength(0);
    expect(await search("DocumentReference", world.camilleId)).toHaveLength(0);
    expect(await status(repo.create<Patient>({ resourceType: "Patient", name: [{ family: "Intrus" }] }))).toBeGreaterThanOrEqual(403);

    // A dispensation naming another prescription's line records nothing.
    const view = await viewSharedPrescription(repo);
    const foreignLine = world.camilleOld.requests[0]!.id!;
    expect(await recordDispense(repo, { formKey: randomUUID(), state: view.state, quantities: { [foreignLine]: 1 } })).toEqual({ kind: "invalid" });
    expect(await db().prisma.resource.count({ where: { resourceType: "MedicationDispense", groupId: world.camilleOld.prescriptionId } })).toBe(0);

    // This link's session on another link's route opens nothing there.
    const other = await share(world.camilleActive.prescriptionId);
    const answer = await deliver(formPost(`/p/${other.linkId}/delivrer`, { "cle-formulaire": randomUUID(), etat: view.state }, { cookie }), params({ linkId: other.linkId }));
    expect(locationOf(answer)).toBe(`/p/${other.linkId}/indisponible`);
  });
});

describe("21. two pharmacists record the same dispensation at once", () => {
  it("the same form posted twice at once records once; two forms drawn from one state record once", async () => {
    const { prescriptionId } = await world.addPrescription(world.camilleId);
    const shared = await share(prescriptionId);
    const a = await opened(shared, "Pharmacie A");
    const b = await opened(shared, "Pharmacie B");
    const viewA = await viewSharedPrescription(a.scope.repo);
    const line = viewA.prescription.lines[0]!;
    const fields = (formKey: string) => ({ "cle-formulaire": formKey, etat: viewA.state, [`choix-${line.requestId}`]: "partie", [`quantite-${line.requestId}`]: "1" });
    const post = (cookie: string, formKey: string) => deliver(formPost(`/p/${shared.linkId}/delivrer`, fields(formKey), { cookie }), params({ linkId: shared.linkId }));

    const twice = await Promise.all([post(a.cookie, viewA.formKey), post(a.cookie, viewA.formKey)]);
    expect(twice.map(locationOf).sort()).toEqual([`/p/${shared.linkId}?message=deja`, `/p/${shared.linkId}?message=enregistre`]);

    const viewB = await viewSharedPrescription(b.scope.repo);
    const fieldsB = { ...fields(""), etat: viewB.state };
    const race = await Promise.all([
      deliver(formPost(`/p/${shared.linkId}/delivrer`, { ...fieldsB, "cle-formulaire": randomUUID() }, { cookie: b.cookie }), params({ linkId: shared.linkId })),
      deliver(formPost(`/p/${shared.linkId}/delivrer`, { ...fieldsB, "cle-formulaire": randomUUID() }, { cookie: a.cookie }), params({ linkId: shared.linkId })),
    ]);
    expect(race.map(locationOf).sort()).toEqual([`/p/${shared.linkId}?message=enregistre`, `/p/${shared.linkId}?message=perime`]);
    const dispenses = await db().prisma.resource.count({ where: { resourceType: "MedicationDispense", groupId: prescriptionId } });
    expect(dispenses).toBe(2);
  });
});
