import type { IncomingMessage } from "node:http";
import type { GetServerSidePropsResult } from "next";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it, vi } from "vitest";
import * as documentsRoute from "@/pages/espace/documents";
import * as documentRoute from "@/pages/espace/documents/[id]";
import * as proDocumentRoute from "@/pages/pro/patients/[patientId]/documents/[id]";
import * as historyRoute from "@/pages/espace/historique";
import { getServerSideProps } from "@/pages/espace/documents";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import { signIn } from "../fhir-api/http";
import { recordStatements } from "../../setup/record-statements";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "./pages-route";

const db = useTestDatabase();

type Props = Awaited<ReturnType<typeof getServerSideProps>> extends GetServerSidePropsResult<infer P> ? P : never;

/**
 * The documents page is served by the Pages Router (no runtime JavaScript): its
 * getServerSideProps reads the session from the request itself, not from Next's request scope.
 * Called here with the request Next hands it: the same cookie and headers a browser sends.
 */
async function view(cookie: string | undefined, query: Record<string, string> = {}, address = "10.0.0.7") {
  const req = { headers: { ...(cookie ? { cookie } : {}), "x-forwarded-for": address, "user-agent": "Navigateur de test" }, socket: {} } as unknown as IncomingMessage;
  // Only what the page reads of its context.
  const context = { req, res: { statusCode: 200 }, query } as unknown as Parameters<typeof getServerSideProps>[0];
  return getServerSideProps(context);
}

function propsOf(result: GetServerSidePropsResult<Props>): Props {
  if (!("props" in result)) throw new Error(`expected props, got ${JSON.stringify(result)}`);
  return result.props as Props;
}

async function world() {
  const system = await systemRepository("documents-page-tests");
  const jean = (await system.create(aPatient({ given: "Jean", family: "Pages", birthDate: "1950-06-02" }))).id!;
  const nadia = (await system.create(aPatient({ given: "Nadia", family: "Pages", birthDate: "1992-11-25" }))).id!;
  const bernard = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  await system.create(aDocument({ patientId: jean, kind: "lab", title: "Bilan de Jean", date: "2026-03-02T09:00:00Z" }));
  await system.create(aDocument({ patientId: nadia, kind: "lab", title: "Bilan de Nadia", date: "2026-04-02T09:00:00Z" }));
  const delegation = await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["documents:read"] }));
  return { system, jean, nadia, bernard, delegation };
}

/** The list's data, on a page that shows the list (not a delegation's « pas accessible »). */
function listData(props: Props) {
  const data = props.data;
  if (!data || "outOfReach" in data) throw new Error(`expected the list, got ${JSON.stringify(data)}`);
  return data;
}

const titles = (props: Props) => listData(props).list.items.map((item) => item.title);

describe("the documents page's server props (Pages Router)", () => {
  it("sends a visitor without a session to sign in, and a professional to their own space, reading nothing", async () => {
    const { bernard } = await world();
    expect(await view(undefined)).toEqual({ redirect: { destination: "/connexion", permanent: false } });
    expect(await view("authjs.session-token=forged")).toEqual({ redirect: { destination: "/connexion", permanent: false } });
    const pro = await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" });
    expect(await view(pro.cookie)).toEqual({ redirect: { destination: "/pro", permanent: false } });
  });

  it("gives a patient their own documents and the frame of their space, and leaves an audit row naming the request", async () => {
    const { jean } = await world();
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const props = propsOf(await view(session.cookie, { categorie: "lab" }, "10.0.0.8"));
    expect(titles(props)).toEqual(["Bilan de Jean"]);
    expect(props.title).toBe("Mes documents");
    expect(props.frame.header).toMatchObject({ displayName: "Jean Pages", accountHref: "/espace/compte", notifications: { href: "/espace/notifications" } });
    expect(props.frame.banner).toBeNull();
    expect(listData(props).filters.category).toBe("lab");
    expect(listData(props).canAdd).toBe(true);
    const rows = await db().sql.query<{ interaction: string; user_agent: string }>(
      "SELECT interaction, user_agent FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.8'",
      [jean],
    );
    expect(rows.map((row) => row.interaction)).toContain("search");
    expect(rows.every((row) => row.user_agent === "Navigateur de test")).toBe(true);
  });

  it("reads the rules of the space it shows in the session's own statement, the patient's own or a delegating patient's, never after it", async () => {
    const { jean, nadia } = await world();
    const names = new Map([
      [jean, "Jean"],
      [nadia, "Nadia"],
    ]);
    const rules = "resource_type IN ('Consent', 'RelatedPerson', 'Patient')";
    const sent: string[] = [];
    const sql = db().sql;
    const original = sql.query.bind(sql);
    // What each statement read, from what it answered: whose rules came with the session, if any.
    const query = vi.spyOn(sql, "query").mockImplementation((async (text: string, params?: unknown[]) => {
      const rows = await original<Record<string, unknown>>(text, params);
      const spaceId = rows[0]?.space_id;
      if (text.includes("FROM auth_session")) sent.push(typeof spaceId === "string" ? `session with the rules of ${names.get(spaceId)}` : "session");
      else if (text.includes(rules)) sent.push(`rules of ${names.get(String(params?.[0]))} alone`);
      return rows;
    }) as typeof sql.query);
    try {
      for (const [session, whose] of [
        [await signIn(`Patient/${jean}`, { name: "Jean Pages" }), "own"],
        [await signIn(`Patient/${nadia}`, { space: jean, name: "Nadia Pages" }), "delegating"],
      ] as const) {
        sent.length = 0;
        expect(titles(propsOf(await view(session.cookie))), whose).toEqual(["Bilan de Jean"]);
        expect(sent, whose).toEqual(["session with the rules of Jean"]);
      }
      // A page of one's own space that decides without them does not have them read at all.
      const own = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
      sent.length = 0;
      expect((await servePage(historyRoute, "/espace/historique", { cookie: own.cookie })).status).toBe(200);
      expect(sent).toEqual(["session"]);
    } finally {
      query.mockRestore();
    }
  });

  it("marks what was added since the patient's last visit as new, that visit read in the session's own statement", async () => {
    const { system, jean } = await world();
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const sent: string[] = [];
    const sql = db().sql;
    const original = sql.query.bind(sql);
    const query = vi.spyOn(sql, "query").mockImplementation(((text: string, params?: unknown[]) => {
      sent.push(text);
      return original(text, params);
    }) as typeof sql.query);
    try {
      // The first visit starts the clock: the record is not all new.
      const first = propsOf(await view(session.cookie));
      expect(listData(first).list.items.map((item) => [item.title, item.isNew])).toEqual([["Bilan de Jean", false]]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await system.create(aDocument({ patientId: jean, kind: "imaging", title: "Radio récente", date: new Date().toISOString() }));
      const second = propsOf(await view(session.cookie));
      expect(new Map(listData(second).list.items.map((item) => [item.title, item.isNew]))).toEqual(
        new Map([
          ["Radio récente", true],
          ["Bilan de Jean", false],
        ]),
      );
      // Read beside the session, in its statement, on both visits; never in a statement of its own.
      expect(sent.filter((text) => text.includes("FROM auth_session") && text.includes("last_documents_seen"))).toHaveLength(2);
      expect(sent.filter((text) => text.includes("last_documents_seen") && !text.includes("FROM auth_session") && !/^\s*UPDATE/i.test(text))).toEqual([]);
    } finally {
      query.mockRestore();
    }
  });

  it("shows a caregiver the other person's documents under their banner; once the delegation is withdrawn, that it is lost at the very next view, and nothing of either record", async () => {
    const { system, jean, nadia, delegation } = await world();
    const session = await signIn(`Patient/${nadia}`, { space: jean, name: "Nadia Pages" });
    const before = propsOf(await view(session.cookie));
    expect(titles(before)).toEqual(["Bilan de Jean"]);
    expect(before.frame.banner).toMatchObject({ name: "Jean Pages", kind: "delegate", selfPatientId: nadia });
    expect(before.title).toBe("Documents de Jean Pages");
    expect(listData(before).list.showPrivacy).toBe(false);

    await system.update<RelatedPerson>({ ...delegation, active: false });
    const after = propsOf(await view(session.cookie));
    // Not Nadia's own documents under the address of Jean's space: the space is said to be lost (lost-space.ts).
    expect(after.data).toBeNull();
    expect(after.frame.banner).toBeNull();
    expect(after.frame.lostSpace).toEqual({ selfPatientId: nadia });
    expect(after.title).toBe("Vous n'avez plus accès à cet espace");
  });
});

describe("the App Router's fetches of a page it cannot render (prefetches, and following a link)", () => {
  it("are answered 204 before anything is read: no audit row, no page", async () => {
    const { jean } = await world();
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const answer = await servePage(documentsRoute, "/espace/documents", { cookie: session.cookie, address: "10.0.0.12", headers: { rsc: "1", "next-router-prefetch": "1" } });
    expect(answer).toEqual({ status: 204, ended: true });
    expect(await db().sql.query("SELECT 1 FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.12'", [jean])).toHaveLength(0);
    // The same request as a browser's own navigation reads, and leaves its row.
    expect((await servePage(documentsRoute, "/espace/documents", { cookie: session.cookie, address: "10.0.0.12" })).status).toBe(200);
    expect((await db().sql.query("SELECT 1 FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.12'", [jean])).length).toBeGreaterThan(0);
  });
});

describe("a page's audit rows", () => {
  it("are committed together, in one statement, before the page's props are returned", async () => {
    const { system, jean, bernard } = await world();
    // A document by Dr Bernard: the page names its author from the directory, a second look.
    await system.create(aDocument({ patientId: jean, kind: "lab", title: "Bilan du Dr Bernard", author: `Practitioner/${bernard}`, date: "2026-05-02T09:00:00Z" }));
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    propsOf(await view(session.cookie, {}, "10.0.0.13"));
    // One INSERT is one transaction: its rows share their xmin; rows written one by one do not.
    const rows = await db().sql.query<{ entity: string; tx: string; detail: Record<string, number> }>(
      "SELECT entity, xmin::text AS tx, detail FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.13' ORDER BY entity",
      [jean],
    );
    // The page with its filters' choices (Dr Bernard), read in one statement: one row, not one for each.
    expect(rows.map(({ entity, detail }) => ({ entity, detail }))).toEqual([
      { entity: "DocumentReference", detail: { results: 2, offset: 0, facets: 1 } },
      { entity: "Practitioner", detail: { results: 1, offset: 0 } },
    ]);
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
  });

  it("of a list that finds nothing are one row too: the empty page, with the filters' choices read on their own", async () => {
    const { system, jean, bernard } = await world();
    await system.create(aDocument({ patientId: jean, kind: "lab", title: "Bilan du Dr Bernard", author: `Practitioner/${bernard}`, date: "2026-05-02T09:00:00Z" }));
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const props = propsOf(await view(session.cookie, { q: "introuvable" }, "10.0.0.16"));
    expect(listData(props).list.items).toEqual([]);
    // The filters still offer Dr Bernard: the facets were read, though no document matched.
    expect(listData(props).facets.authors.map((author) => author.id)).toEqual([bernard]);
    const rows = await db().sql.query<{ entity: string; detail: Record<string, number> }>(
      "SELECT entity, detail FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.16' ORDER BY seq",
      [jean],
    );
    // One row for the list and its facets, and the directory's for Dr Bernard's name.
    expect(rows).toEqual([
      { entity: "DocumentReference", detail: { results: 0, offset: 0, facets: 1 } },
      { entity: "Practitioner", detail: { results: 1, offset: 0 } },
    ]);
  });

  it("of a caregiver's view, its banner's reads of the other person and its list, are committed together too", async () => {
    const { jean, nadia } = await world();
    const session = await signIn(`Patient/${nadia}`, { space: jean, name: "Nadia Pages" });
    propsOf(await view(session.cookie, {}, "10.0.0.15"));
    const rows = await db().sql.query<{ entity: string; tx: string }>(
      "SELECT entity, xmin::text AS tx FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.15' ORDER BY seq",
      [jean],
    );
    expect(rows.map((row) => row.entity)).toEqual(expect.arrayContaining([`Patient/${jean}`, "DocumentReference"]));
    // The banner and the page's title share one read of Jean's name: one view, one row of it in his history.
    expect(rows.filter((row) => row.entity === `Patient/${jean}`)).toHaveLength(1);
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
  });

  it("keep a refusal: another person's document is « Page introuvable », and its owner's trail says who was refused", async () => {
    const { jean, nadia } = await world();
    const [nadiasDocument] = await db().sql.query<{ id: string }>(
      "SELECT id::text AS id FROM fhir_resource WHERE resource_type = 'DocumentReference' AND patient_id = $1::uuid",
      [nadia],
    );
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const answer = await servePage(documentRoute, `/espace/documents/${nadiasDocument!.id}`, { cookie: session.cookie, params: { id: nadiasDocument!.id }, address: "10.0.0.14" });
    expect(answer.status).toBe(404);
    expect(answer.html).not.toContain("Bilan de Nadia");
    const refused = await db().sql.query<{ outcome: string; agent: string }>(
      "SELECT outcome, agent FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.14'",
      [nadia],
    );
    expect(refused).toEqual([{ outcome: "denied", agent: `Patient/${jean}` }]);
  });
});

describe("a document's page", () => {
  const documentOf = async (patientId: string) =>
    (await db().sql.query<{ id: string }>("SELECT id::text AS id FROM fhir_resource WHERE resource_type = 'DocumentReference' AND patient_id = $1::uuid", [patientId]))[0]!.id;

  it("shows the patient who looked at it, and the view's audit row is committed once the page's props are returned", async () => {
    const { system, jean, bernard } = await world();
    await system.create(anAuthorisation({ patientId: jean, practitionerId: bernard }));
    const documentId = await documentOf(jean);
    const doctor = await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" });
    const looked = await servePage(proDocumentRoute, `/pro/patients/${jean}/documents/${documentId}`, { cookie: doctor.cookie, params: { patientId: jean, id: documentId } });
    expect(looked.status).toBe(200);
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const answer = await servePage(documentRoute, `/espace/documents/${documentId}`, { cookie: session.cookie, params: { id: documentId }, address: "10.0.0.16" });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Bilan de Jean");
    expect(answer.html).toContain("Qui a consulté ce document");
    expect(answer.html).toContain("Dr Sophie Bernard");
    const rows = await db().sql.query<{ entity: string }>("SELECT entity FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.16'", [jean]);
    expect(rows.map((row) => row.entity)).toContain(`DocumentReference/${documentId}`);
  });

  it("tells the patient their own last view in a sentence, and a caregiver who may read the trail the patient's, by name", async () => {
    const { system, jean, nadia, delegation } = await world();
    // Nadia's rights for Jean now include his trail.
    await system.update<RelatedPerson>({ ...delegation, active: false });
    await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["documents:read", "audit:read"] }));
    const documentId = await documentOf(jean);
    const own = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const path = `/espace/documents/${documentId}`;
    const first = await servePage(documentRoute, path, { cookie: own.cookie, params: { id: documentId } });
    expect(first.html).toContain("Personne n&#x27;a encore consulté ce document.");
    const again = await servePage(documentRoute, path, { cookie: own.cookie, params: { id: documentId } });
    expect(again.html).toMatch(/Votre dernière consultation : le <time dateTime="[^"]+">[^<]+<\/time>\./);
    expect(again.html).toContain("Personne d&#x27;autre n&#x27;a consulté ce document.");
    const caregiver = await signIn(`Patient/${nadia}`, { space: jean, name: "Nadia Pages" });
    const hers = await servePage(documentRoute, path, { cookie: caregiver.cookie, params: { id: documentId } });
    expect(hers.html).toMatch(/Dernière consultation par Jean Pages : le <time/);
    expect(hers.html).not.toContain("Votre dernière consultation");
  });

  it("says a caregiver's view was made « pour vous » to the patient, and « pour » her name to another who reads her trail, never « du patient »", async () => {
    const { system, jean, nadia } = await world();
    const lucie = (await system.create(aPatient({ given: "Lucie", family: "Pages", birthDate: "1980-01-01" }))).id!;
    await system.create(aDelegation({ patientId: jean, agentPatientId: lucie, scopes: ["documents:read", "audit:read"] }));
    const documentId = await documentOf(jean);
    const path = `/espace/documents/${documentId}`;
    const caregiver = await signIn(`Patient/${nadia}`, { space: jean, name: "Nadia Pages" });
    expect((await servePage(documentRoute, path, { cookie: caregiver.cookie, params: { id: documentId } })).status).toBe(200);

    const behalf = (html: string | undefined) => html?.match(/<span class="block text-sm text-slate-700">([^<]*)<\/span>/)?.[1];
    const own = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const his = (await servePage(documentRoute, path, { cookie: own.cookie, params: { id: documentId } })).html;
    expect(behalf(his)).toBe("pour vous");
    const other = await signIn(`Patient/${lucie}`, { space: jean, name: "Lucie Pages" });
    const hers = (await servePage(documentRoute, path, { cookie: other.cookie, params: { id: documentId } })).html;
    expect(behalf(hers)).toBe("pour Jean Pages");
    expect(`${his}${hers}`).not.toContain("du patient");
  });

  it("reads the document's row in the session's own statement, and who viewed it as soon as the session holds: three statements", async () => {
    const { jean } = await world();
    const documentId = await documentOf(jean);
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    // The names on the page are known (the process keeps them a minute): the page's own statements only.
    await servePage(documentRoute, `/espace/documents/${documentId}`, { cookie: session.cookie, params: { id: documentId } });
    const kindOf = (text: string, params?: unknown[]) =>
      text.includes("FROM auth_session s JOIN account")
        ? params?.includes(documentId) && text.includes("AS route_row")
          ? "session and row"
          : "session"
        : text.includes("SELECT 'view' AS part")
          ? "views"
          : text.includes("INSERT INTO audit_event")
            ? "audit"
            : text.includes("rate_limit")
              ? "read counts"
              : params?.includes(documentId)
                ? "row"
                : "other";
    const { result: answer, events } = await recordStatements(db(), kindOf, () =>
      servePage(documentRoute, `/espace/documents/${documentId}`, { cookie: session.cookie, params: { id: documentId }, address: "10.0.0.17" }),
    );
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Bilan de Jean");
    expect(answer.html).toContain("Qui a consulté ce document");
    // The account's read counts are written on a timer of their own (rate-limit-counter.ts), whenever it fires: not the page's.
    expect(events.filter((event) => event.startsWith("sent") && event !== "sent read counts")).toEqual(["sent session and row", "sent views", "sent audit"]);
    // Read once, and decided and audited as a row the repository read itself.
    const rows = await db().sql.query<{ entity: string; interaction: string }>("SELECT entity, interaction FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.17'", [jean]);
    expect(rows.filter((row) => row.entity === `DocumentReference/${documentId}`).map((row) => row.interaction)).toEqual(["read"]);
  });

  it("is « Page introuvable » for a professional who names another patient in the address than the document's, or no patient at all", async () => {
    const { system, jean, nadia, bernard } = await world();
    // Authorised for both: the document could be read, but not as another patient's.
    await system.create(anAuthorisation({ patientId: jean, practitionerId: bernard }));
    await system.create(anAuthorisation({ patientId: nadia, practitionerId: bernard }));
    const jeansDocument = await documentOf(jean);
    const doctor = await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" });
    for (const patientId of [nadia, "pas-un-patient", ""]) {
      const answer = await servePage(proDocumentRoute, `/pro/patients/${patientId}/documents/${jeansDocument}`, { cookie: doctor.cookie, params: { patientId, id: jeansDocument } });
      expect(answer.status, patientId).toBe(404);
      expect(answer.html ?? "", patientId).not.toContain("Bilan de Jean");
    }
    // And under the right patient, the same document shows.
    const right = await servePage(proDocumentRoute, `/pro/patients/${jean}/documents/${jeansDocument}`, { cookie: doctor.cookie, params: { patientId: jean, id: jeansDocument } });
    expect(right.status).toBe(200);
    expect(right.html).toContain("Bilan de Jean");
  });

  it("is « Page introuvable » for an id that names no document, in the patient's own space", async () => {
    const { jean } = await world();
    const session = await signIn(`Patient/${jean}`, { name: "Jean Pages" });
    const missing = "00000000-0000-4000-8000-000000000404";
    expect((await servePage(documentRoute, `/espace/documents/${missing}`, { cookie: session.cookie, params: { id: missing } })).status).toBe(404);
  });
});
