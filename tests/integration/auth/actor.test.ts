import type { RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSession, type CurrentSession } from "@/server/auth/check-session";
import { listSpaces } from "@/server/auth/list-spaces";
import { openSession } from "@/server/auth/open-session";
import { actorForSession } from "@/server/auth/actor-for-session";
import { switchSpace } from "@/server/auth/switch-space";
import { createAccount } from "@/server/db/account-store";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { database } from "@/server/db/client";
import { ROW_COLUMNS, type ResourceRow } from "@/server/fhir/resource-row";
import { ruleRowsWhere } from "@/server/fhir/load-rules";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

// Fresh ids: on a server the test database is shared by the files of a run.
const ids = { camille: newId(), jean: newId(), leo: newId(), nadia: newId(), stranger: newId() };
let jeanDelegation: RelatedPerson;
let camilleSessionId: string;

/**
 * The session as an API request reads it, or as a page does: a page's session statement brings
 * the rules of the space it acts in (session-store.ts), and the actor must come out the same.
 */
let pageSession = false;
async function session(id: string, now = new Date()): Promise<CurrentSession> {
  const current = await checkSession(id, now, { spaceRules: pageSession ? "delegated" : undefined });
  if (!current) throw new Error("session ended");
  return current;
}

beforeAll(async () => {
  const system = await systemRepository("auth-tests");
  // Léo is a child: a guardianship ends at the patient's majority (children/majority.ts).
  for (const [name, id] of Object.entries(ids)) await system.create(aPatient({ id, given: name, family: "Test", ...(name === "leo" ? { birthDate: "2016-09-10" } : {}) }));
  jeanDelegation = await system.create(
    aDelegation({ patientId: ids.jean, agentPatientId: ids.camille, scopes: ["documents:read", "prescriptions:read"] }),
  );
  await system.create(aGuardianship({ patientId: ids.leo, agentPatientId: ids.camille, scopes: [] }));
  // Nadia's delegation to Camille ended yesterday.
  await system.create(
    aDelegation({ patientId: ids.nadia, agentPatientId: ids.camille, scopes: ["documents:read"], end: new Date(Date.now() - 86_400_000).toISOString() }),
  );
  const account = await createAccount({
    email: `camille-${newId()}@example.org`,
    password: "Sante-Demo-2026!",
    totpSecret: "CAMILLEDEMOTOTPA",
    kind: "patient",
    fhirRef: `Patient/${ids.camille}`,
    displayName: "Camille Test",
  });
  camilleSessionId = await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: null });
}, 60_000);

describe.each([
  { read: "as an API request reads it", page: false },
  { read: "as a page reads it, the space's rules in the same statement", page: true },
])("the actor behind a session, $read", ({ page }) => {
  beforeAll(async () => {
    pageSession = page;
    // Each reading starts from a fresh sign-in's state: her own space.
    await switchSpace(await session(camilleSessionId), ids.camille, new Date());
  });

  it("is the patient in their own space after sign-in", async () => {
    expect(await actorForSession(await session(camilleSessionId))).toMatchObject({ kind: "patient", patientId: ids.camille });
  });

  it("becomes Jean's delegate and Léo's guardian after switching to their spaces, and the patient again at home", async () => {
    expect(await switchSpace(await session(camilleSessionId), ids.jean, new Date())).toBe(true);
    expect(await actorForSession(await session(camilleSessionId))).toMatchObject({
      kind: "delegate",
      selfPatientId: ids.camille,
      patientId: ids.jean,
      relatedPersonId: jeanDelegation.id,
    });
    expect(await switchSpace(await session(camilleSessionId), ids.leo, new Date())).toBe(true);
    expect(await actorForSession(await session(camilleSessionId))).toMatchObject({ kind: "guardian", patientId: ids.leo });
    expect(await switchSpace(await session(camilleSessionId), ids.camille, new Date())).toBe(true);
    expect(await actorForSession(await session(camilleSessionId))).toMatchObject({ kind: "patient", patientId: ids.camille });
  });

  it("cannot switch to a patient who never delegated, or whose delegation has ended", async () => {
    for (const patientId of [ids.stranger, ids.nadia, newId()]) {
      expect(await switchSpace(await session(camilleSessionId), patientId, new Date())).toBe(false);
      expect(await actorForSession(await session(camilleSessionId))).toMatchObject({ kind: "patient", patientId: ids.camille });
    }
  });

  it("loses a revoked delegation on the very next request of a session opened before", async () => {
    expect(await switchSpace(await session(camilleSessionId), ids.jean, new Date())).toBe(true);
    const system = await systemRepository("auth-tests");
    const revoked = await system.update({ ...jeanDelegation, active: false });
    // Back in her own space, never acting for Jean any more.
    expect(await actorForSession(await session(camilleSessionId))).toMatchObject({ kind: "patient", patientId: ids.camille });
    expect(await switchSpace(await session(camilleSessionId), ids.jean, new Date())).toBe(false);
    // Given back, for the same tests read the other way.
    jeanDelegation = await system.update({ ...revoked, active: true });
  });

  it("is a practitioner for a professional's account, who has no patient space to switch to", async () => {
    const { practitioner, account, sessionId } = await practitionerSignedIn("Sophie", "Test", "SOPHIEDEMOTOTPSE");
    expect(await actorForSession(await session(sessionId))).toEqual({ kind: "practitioner", accountId: account.id, practitionerId: practitioner.id });
    expect(await switchSpace(await session(sessionId), ids.jean, new Date())).toBe(false);
  });
});

describe("a page's session", () => {
  it("brings the rules of the space it acts in, another patient's, or one's own when the page reads them, the rows the rules' own read finds", async () => {
    const rulesRead = (patientId: string) => (async () => (await database()).sql.query<ResourceRow>(`SELECT ${ROW_COLUMNS} FROM fhir_resource WHERE ${ruleRowsWhere("$1::uuid")}`, [patientId]))();
    const byId = (list: ResourceRow[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(await switchSpace(await session(camilleSessionId), ids.jean, new Date())).toBe(true);
    const jean = (await checkSession(camilleSessionId, new Date(), { spaceRules: "delegated" }))?.spaceRows;
    const read = await rulesRead(ids.jean);
    expect(jean?.patientId).toBe(ids.jean);
    expect(byId(jean?.rows ?? [])).toEqual(byId(read));
    expect(read.map((row) => row.resource_type).sort()).toEqual(["Patient", "RelatedPerson"]);
    // An API request's session does not read them.
    expect((await checkSession(camilleSessionId, new Date()))?.spaceRows).toBeUndefined();
    expect(await switchSpace(await session(camilleSessionId), ids.camille, new Date())).toBe(true);
    const own = (await checkSession(camilleSessionId, new Date(), { spaceRules: "own" }))?.spaceRows;
    expect(own?.patientId).toBe(ids.camille);
    expect(byId(own?.rows ?? [])).toEqual(byId(await rulesRead(ids.camille)));
    // A page that does not read the rules of one's own space does not have them read.
    expect((await checkSession(camilleSessionId, new Date(), { spaceRules: "delegated" }))?.spaceRows).toBeUndefined();
  });

  it("brings the rules of the record a page names, for a professional, and of no one without it", async () => {
    const { sessionId } = await practitionerSignedIn("Paul", "Page", "PAULDEMOTOTPSEC2");
    const named = await checkSession(sessionId, new Date(), { spaceRules: "delegated", rulesOf: ids.jean });
    expect(named?.spaceRows?.patientId).toBe(ids.jean);
    expect(named?.spaceRows?.rows.map((row) => row.resource_type).sort()).toEqual(["Patient", "RelatedPerson"]);
    expect((await checkSession(sessionId, new Date(), { spaceRules: "own" }))?.spaceRows).toBeUndefined();
    // The rules decide nothing by being read: the professional, never authorised by Jean, is still refused.
    const repo = await createRepository((await actorForSession(named!))!);
    await expect(repo.read("Patient", ids.jean)).rejects.toThrow();
  });

  it("brings one's own rules and fails nothing when the active space is not a patient's id", async () => {
    const { sql } = await database();
    for (const space of ["Patient/not-a-uuid", "Practitioner/" + newId(), "Patient/" + newId() + "' OR 1=1"]) {
      await sql.query("UPDATE auth_session SET active_space = $2 WHERE id = $1", [camilleSessionId, space]);
      const current = await checkSession(camilleSessionId, new Date(), { spaceRules: "own" });
      expect(current?.spaceRows?.patientId, space).toBe(ids.camille);
      expect(await actorForSession(current!)).toMatchObject({ kind: "patient", patientId: ids.camille });
    }
    await sql.query("UPDATE auth_session SET active_space = NULL WHERE id = $1", [camilleSessionId]);
  });
});

describe("the spaces a patient can open", () => {
  it("lists their own and those of live delegations, by name, and marks the current one", async () => {
    const system = await systemRepository("auth-tests");
    // The repository gives each new resource its id.
    const created = async (given: string, family: string, birthDate?: string) => (await system.create(aPatient({ given, family, birthDate }))).id ?? "";
    const agent = await created("Alice", "Agent");
    const dependant = await created("Lou", "Agent", "2016-09-10");
    const parent = await created("Paul", "Agent");
    const former = await created("Fanny", "Ancienne");
    await system.create(aGuardianship({ patientId: dependant, agentPatientId: agent, scopes: [] }));
    await system.create(aDelegation({ patientId: parent, agentPatientId: agent, scopes: ["documents:read"] }));
    await system.create(aDelegation({ patientId: former, agentPatientId: agent, scopes: ["documents:read"], active: false }));
    const account = await createAccount({
      email: `alice-${newId()}@example.org`,
      password: "Sante-Demo-2026!",
      totpSecret: "CAMILLEDEMOTOTPA",
      kind: "patient",
      fhirRef: `Patient/${agent}`,
      displayName: "Alice Agent",
    });
    const sessionId = await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: null });
    const current = await session(sessionId);
    const actor = await actorForSession(current);
    if (!actor) throw new Error("no actor");
    const ctx = { agentName: "Alice Agent" };
    const spaces = await listSpaces({ session: current, actor, ctx, repo: await createRepository(actor, ctx) });
    expect(spaces).toEqual(
      expect.arrayContaining([
        { patientId: agent, kind: "self", name: "Alice Agent", current: true },
        { patientId: dependant, kind: "guardian", name: "Lou Agent", current: false },
        { patientId: parent, kind: "delegate", name: "Paul Agent", current: false, rights: ["documents:read"] },
      ]),
    );
    expect(spaces).toHaveLength(3);
  });
});

/** A professional of the directory with an account of their own, signed in. */
async function practitionerSignedIn(given: string, family: string, totpSecret: string) {
  const practitioner = await (await systemRepository("auth-tests")).create(aPractitioner({ id: newId(), given, family }));
  const account = await createAccount({
    email: `pro-${newId()}@example.org`,
    password: "Sante-Demo-2026!",
    totpSecret,
    kind: "practitioner",
    fhirRef: `Practitioner/${practitioner.id}`,
    displayName: `Dr ${given} ${family}`,
  });
  const sessionId = await openSession({ account, openedWith: { method: "password" }, now: new Date(), userAgent: null });
  return { practitioner, account, sessionId };
}
