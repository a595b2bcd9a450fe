import type { IncomingMessage, ServerResponse } from "node:http";
import type { GetServerSidePropsResult } from "next";
import { describe, expect, it, vi } from "vitest";
import * as historyPage from "@/pages/espace/historique";
import { getServerSideProps } from "@/pages/pro/patients/[patientId]";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();

type Props = Awaited<ReturnType<typeof getServerSideProps>> extends GetServerSidePropsResult<infer P> ? P : never;

/**
 * A patient's record as a professional sees it, served by the Pages Router: its
 * getServerSideProps called with what Next hands it (the request's cookie, the route's id, a
 * response whose status it may set).
 */
async function view(cookie: string | undefined, patientId: string) {
  const req = { headers: { ...(cookie ? { cookie } : {}), "x-forwarded-for": "10.0.0.9" }, socket: {} } as unknown as IncomingMessage;
  const res = { statusCode: 200 } as ServerResponse;
  const context = { req, res, params: { patientId }, query: { patientId } } as unknown as Parameters<typeof getServerSideProps>[0];
  return { result: await getServerSideProps(context), status: res.statusCode };
}

function propsOf(result: GetServerSidePropsResult<Props>): Props {
  if (!("props" in result)) throw new Error(`expected props, got ${JSON.stringify(result)}`);
  return result.props as Props;
}

async function world() {
  const system = await systemRepository("patient-record-page-tests");
  const jean = (await system.create(aPatient({ given: "Jean", family: "Dossier", gender: "male", birthDate: "1950-06-02" }))).id!;
  const bernard = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  const petit = (await system.create(aPractitioner({ given: "Marc", family: "Petit" }))).id!;
  await system.create(aDocument({ patientId: jean, kind: "lab", title: "Bilan de Jean", date: "2026-03-02T09:00:00Z", author: `Practitioner/${bernard}` }));
  await system.create(anAuthorisation({ patientId: jean, practitionerId: bernard }));
  return {
    jean,
    bernard: await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" }),
    petit: await signIn(`Practitioner/${petit}`, { name: "Dr Marc Petit" }),
    jeanSession: await signIn(`Patient/${jean}`, { name: "Jean Dossier" }),
  };
}

describe("a patient's record as a professional sees it (Pages Router)", () => {
  it("shows the authorised professional the documents, and the prevention as the record's other tab", async () => {
    const { jean, bernard } = await world();
    const { result, status } = await view(bernard.cookie, jean);
    const props = propsOf(result);
    expect(status).toBe(200);
    // The record itself, not the page saying an emergency access ended.
    const data = props.data && "name" in props.data ? props.data : undefined;
    expect(data?.name).toBe("Jean Dossier");
    expect(data?.list.items.map((item) => item.title)).toEqual(["Bilan de Jean"]);
    expect(data?.emergencyUntil).toBeNull();
    expect(data?.canAdd).toBe(true);
    expect(props.frame.header.accountHref).toBe("/pro/compte");
  });

  it("answers 404 with nothing of the patient to a professional they have not authorised, to a made-up id and to a malformed one", async () => {
    const { jean, petit } = await world();
    for (const id of [jean, "6b1f4f0e-0000-4000-8000-000000000000", "../../etc"]) {
      const { result, status } = await view(petit.cookie, id);
      expect(status, id).toBe(404);
      expect(propsOf(result).data, id).toBeNull();
      expect(JSON.stringify(result), id).not.toContain("Dossier");
    }
  });

  it("leaves one refusal in the patient's history for a professional they have not authorised, and nothing read", async () => {
    const { jean, petit } = await world();
    expect((await view(petit.cookie, jean)).status).toBe(404);
    const rows = await db().sql.query<{ entity: string; interaction: string; outcome: string; reason: string | null }>(
      "SELECT entity, interaction, outcome, reason FROM audit_event WHERE patient_id = $1::uuid AND agent LIKE 'Practitioner/%' ORDER BY seq",
      [jean],
    );
    expect(rows).toEqual([{ entity: "Patient", interaction: "search", outcome: "denied", reason: "no-access" }]);
  });

  it("leaves one row per look in the patient's history, none for the prevention the page does not show, and Jean reads it so", async () => {
    const { jean, bernard, jeanSession } = await world();
    expect((await view(bernard.cookie, jean)).status).toBe(200);
    const rows = await db().sql.query<{ entity: string; interaction: string; outcome: string; detail: Record<string, number> | null }>(
      "SELECT entity, interaction, outcome, detail FROM audit_event WHERE patient_id = $1::uuid AND agent LIKE 'Practitioner/%' ORDER BY entity",
      [jean],
    );
    // The identity for the title, and the page of documents with the filters' choices, read in one
    // statement and so one look: not his vaccinations, conditions and procedures, which the
    // prevention tab reads when it is opened (pro-prevention-page.test.ts).
    expect(rows.map(({ entity, interaction, outcome }) => ({ entity, interaction, outcome }))).toEqual(
      ["DocumentReference", "Patient"].map((entity) => ({ entity, interaction: "search", outcome: "success" })),
    );
    expect(rows[0]!.detail).toEqual({ results: expect.any(Number), offset: 0, facets: expect.any(Number) });
    expect(rows[0]!.detail!.results).toBeGreaterThan(0);
    const history = await servePage(historyPage, "/espace/historique", { cookie: jeanSession.cookie });
    expect(history.html).toContain("Dr Sophie Bernard");
    expect(history.html).not.toContain("une vaccination, un problème de santé et un acte médical");
  });

  it("sends a patient to their own space and a visitor without a session to sign in", async () => {
    const { jean, jeanSession } = await world();
    expect((await view(jeanSession.cookie, jean)).result).toEqual({ redirect: { destination: "/espace", permanent: false } });
    expect((await view(undefined, jean)).result).toEqual({ redirect: { destination: "/connexion", permanent: false } });
  });

  it("reads the patient's rules once, in the session's own statement, and not at all without a genuine session", async () => {
    const { jean, bernard } = await world();
    const sent: string[] = [];
    const sql = db().sql;
    const original = sql.query.bind(sql);
    const rules = "resource_type IN ('Consent', 'RelatedPerson', 'Patient')";
    const query = vi.spyOn(sql, "query").mockImplementation(((text: string, params?: unknown[]) => {
      if (text.includes("FROM auth_session")) sent.push(text.includes(rules) && params?.[1] === jean ? "session with the rules" : "session");
      else if (text.includes(rules) && params?.[0] === jean) sent.push("rules");
      return original(text, params);
    }) as typeof sql.query);
    try {
      expect((await view(bernard.cookie, jean)).status).toBe(200);
      expect(sent).toEqual(["session with the rules"]);
      sent.length = 0;
      // No cookie, or one the server did not issue: nothing about the patient is read.
      const forged = bernard.cookie.replace(/=[^;]*/, "=forged-token");
      for (const cookie of [undefined, forged]) {
        expect((await view(cookie, jean)).result, cookie).toEqual({ redirect: { destination: "/connexion", permanent: false } });
      }
      expect(sent).toEqual([]);
    } finally {
      query.mockRestore();
    }
  });
});
