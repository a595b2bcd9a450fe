import { beforeAll, describe, expect, it } from "vitest";
import { POST as openRoute } from "@/app/api/notifications/[id]/ouvrir/route";
import { POST as readAllRoute } from "@/app/api/notifications/lues/route";
import { POST as preferencesRoute } from "@/app/api/notifications/preferences/route";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { SCOPES } from "@/server/access/scopes";
import { createSession } from "@/server/db/session-store";
import { notify } from "@/server/notifications/notify";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "../documents/world";
import { sessionCookie } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { formPost, locationOf, params } from "../prescriptions/http";


/** The notification routes as a browser's form posts reach them, and as an attacker's would. */
const db = useTestDatabase();
let world: World;
let camille: string;
let jeanCookie: string;

beforeAll(async () => {
  world = await buildWorld();
  camille = await cookieFor(world.actors.camille.accountId);
  // Another patient's account: Jean's space, signed in as himself (no right on Camille's notices).
  const jean = await db().sql.query<{ id: string }>(
    `INSERT INTO account (id, email, password_hash, totp_secret, kind, fhir_ref, display_name)
     VALUES (gen_random_uuid(), 'jean-' || gen_random_uuid() || '@example.org', 'x', 'x', 'patient', $1, 'Jean Martin') RETURNING id`,
    [`Patient/${world.ids.jean}`],
  );
  jeanCookie = await cookieFor(jean[0]!.id);
}, 120_000);

async function cookieFor(accountId: string) {
  return sessionCookie(await createSession({ accountId, securityStamp: 0, activeSpace: null, userAgent: "vitest", now: new Date() }));
}

async function aNoticeForCamille(kind: "document-added" | "link-opened" = "document-added") {
  await notify(db().sql, { patientId: world.ids.camille, kind, link: "/espace/documents" });
  const [row] = await db().sql.query<{ id: string }>("SELECT id FROM notification WHERE patient_id = $1::uuid ORDER BY created_at DESC LIMIT 1", [world.ids.camille]);
  return row!.id;
}
const readAt = async (id: string) => (await db().sql.query<{ read_at: Date | null }>("SELECT read_at FROM notification WHERE id = $1::uuid", [id]))[0]!.read_at;

const call = (request: Request, handler: () => Promise<Response>) => inRequestScope(request, handler);

describe("opening a notification", () => {
  it("marks it read and goes to its page", async () => {
    const id = await aNoticeForCamille();
    const request = formPost(`/api/notifications/${id}/ouvrir`, {}, { cookie: camille });
    const response = await call(request, () => openRoute(request, params({ id })));
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe("/espace/documents");
    expect(await readAt(id)).not.toBeNull();
  });

  it("from another person's space, takes the person back to the space the notice belongs to before its page", async () => {
    const id = await aNoticeForCamille();
    // Camille acts for Jean: the same link (/espace/documents) would show Jean's documents.
    const session = await createSession({ accountId: world.actors.camille.accountId, securityStamp: 0, activeSpace: `Patient/${world.ids.jean}`, userAgent: "vitest", now: new Date() });
    const request = formPost(`/api/notifications/${id}/ouvrir`, {}, { cookie: await sessionCookie(session) });
    const response = await call(request, () => openRoute(request, params({ id })));
    expect(locationOf(response)).toBe("/espace/documents");
    const [row] = await db().sql.query<{ active_space: string | null }>("SELECT active_space FROM auth_session WHERE id = $1", [session]);
    expect(row!.active_space).toBe(`Patient/${world.ids.camille}`);
  });

  it("answers 404 to someone else's notification and leaves it unread", async () => {
    const id = await aNoticeForCamille();
    const request = formPost(`/api/notifications/${id}/ouvrir`, {}, { cookie: jeanCookie });
    const response = await call(request, () => openRoute(request, params({ id })));
    expect(response.status).toBe(404);
    expect(await readAt(id)).toBeNull();
  });

  it("refuses a cross-site post and a post without a session", async () => {
    const id = await aNoticeForCamille();
    const crossSite = formPost(`/api/notifications/${id}/ouvrir`, {}, { cookie: camille, origin: "https://evil.example" });
    expect((await call(crossSite, () => openRoute(crossSite, params({ id })))).status).toBe(403);
    const anonymous = formPost(`/api/notifications/${id}/ouvrir`, {});
    expect((await call(anonymous, () => openRoute(anonymous, params({ id })))).status).toBe(401);
    expect(await readAt(id)).toBeNull();
  });
});

/**
 * Camille, legal guardian of Léo (no account of his own), opens from her own space a notice of
 * his (an old tab, or the e-mail she gets for his notices): it opens in his space, as the one she
 * may act in and read the notices of; recorded in his trail. Nobody else opens it: a caregiver
 * whose delegation has ended, a stranger, Camille for Jean (she may read his documents, not his
 * notices).
 */
describe("opening, from one's own space, a notice of a space one acts in", () => {
  async function leo() {
    const leoId = (await world.system.create(aPatient({ given: "Léo", family: world.identity.family, birthDate: "2018-09-01" }))).id!;
    await world.system.create(aGuardianship({ patientId: leoId, agentPatientId: world.ids.camille, scopes: SCOPES }));
    await notify(db().sql, { patientId: leoId, kind: "document-added", link: "/espace/documents" });
    const [row] = await db().sql.query<{ id: string }>("SELECT id FROM notification WHERE patient_id = $1::uuid", [leoId]);
    return { leoId, notice: row!.id };
  }
  const open = async (id: string, cookie: string) => {
    const request = formPost(`/api/notifications/${id}/ouvrir`, {}, { cookie });
    return call(request, () => openRoute(request, params({ id })));
  };
  const readsOfNotices = async (patientId: string) =>
    (await db().sql.query("SELECT 1 FROM audit_event WHERE patient_id = $1::uuid AND entity = 'Notification' AND interaction = 'read' AND outcome = 'success'", [patientId])).length;

  it("takes the guardian to the child's space and the notice's page, marks it read, and leaves a trace in his trail", async () => {
    const { leoId, notice } = await leo();
    const session = await createSession({ accountId: world.actors.camille.accountId, securityStamp: 0, activeSpace: null, userAgent: "vitest", now: new Date() });
    const response = await open(notice, await sessionCookie(session));
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe("/espace/documents");
    expect(await readAt(notice)).not.toBeNull();
    const [row] = await db().sql.query<{ active_space: string | null }>("SELECT active_space FROM auth_session WHERE id = $1", [session]);
    expect(row!.active_space).toBe(`Patient/${leoId}`);
    expect(await readsOfNotices(leoId)).toBe(1);
  });

  it("answers 404 to a caregiver whose delegation has ended, to a stranger, and to a caregiver without the right to the notices", async () => {
    const { leoId, notice } = await leo();
    const aunt = (await world.system.create(aPatient({ given: "Anne", family: world.identity.family }))).id!;
    await world.system.create(aDelegation({ patientId: leoId, agentPatientId: aunt, scopes: SCOPES, end: "2020-01-01" }));
    const [auntAccount] = await db().sql.query<{ id: string }>(
      `INSERT INTO account (id, email, password_hash, totp_secret, kind, fhir_ref, display_name)
       VALUES (gen_random_uuid(), 'anne-' || gen_random_uuid() || '@example.org', 'x', 'x', 'patient', $1, 'Anne Martin') RETURNING id`,
      [`Patient/${aunt}`],
    );
    for (const cookie of [await cookieFor(auntAccount!.id), jeanCookie]) expect((await open(notice, cookie)).status).toBe(404);
    expect(await readAt(notice)).toBeNull();
    expect(await readsOfNotices(leoId)).toBe(0);

    // Camille reads Jean's documents for him (documents:read), not his notices: his stay his.
    await notify(db().sql, { patientId: world.ids.jean, kind: "document-added", link: "/espace/documents" });
    const [jeans] = await db().sql.query<{ id: string }>("SELECT id FROM notification WHERE patient_id = $1::uuid ORDER BY created_at DESC LIMIT 1", [world.ids.jean]);
    expect((await open(jeans!.id, camille)).status).toBe(404);
    expect(await readAt(jeans!.id)).toBeNull();
  });
});

describe("mark all read", () => {
  it("marks the person's own notifications only", async () => {
    const mine = await aNoticeForCamille();
    await notify(db().sql, { patientId: world.ids.jean, kind: "document-added" });
    const [jeans] = await db().sql.query<{ id: string }>("SELECT id FROM notification WHERE patient_id = $1::uuid ORDER BY created_at DESC LIMIT 1", [world.ids.jean]);
    const request = formPost("/api/notifications/lues", {}, { cookie: camille });
    const response = await call(request, () => readAllRoute(request));
    expect(locationOf(response)).toBe("/espace/notifications?lues=1");
    expect(await readAt(mine)).not.toBeNull();
    expect(await readAt(jeans!.id)).toBeNull();
  });
});

describe("preferences", () => {
  it("are the session's account's, keep security kinds on e-mail, and ignore unknown fields", async () => {
    const request = formPost("/api/notifications/preferences", {
      "email-link-opened": "on",
      accountId: "00000000-0000-4000-8000-000000000000",
      "email-not-a-kind": "on",
    }, { cookie: camille });
    const response = await call(request, () => preferencesRoute(request));
    expect(locationOf(response)).toBe("/espace/notifications/preferences?enregistre=1");
    const rows = await db().sql.query<{ account_id: string; kind: string; email: boolean }>("SELECT account_id, kind, email FROM notification_preference WHERE account_id = $1::uuid", [world.actors.camille.accountId]);
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.email]));
    expect(byKind["link-opened"]).toBe(true);
    expect(byKind["document-added"]).toBe(false);
    expect(byKind["emergency-access"]).toBeUndefined();
    expect(byKind["not-a-kind"]).toBeUndefined();
    const stray = await db().sql.query("SELECT 1 FROM notification_preference WHERE account_id = '00000000-0000-4000-8000-000000000000'");
    expect(stray).toHaveLength(0);
  });
});
