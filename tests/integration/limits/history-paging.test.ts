import type { DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, bundleOf, fhir, FHIR_BASE_PATH, signIn, warmUpValidator } from "../fhir-api/http";

const db = useTestDatabase();

/**
 * `_history` pages like a search, in SQL: a document with 2,100 versions answers one page at a
 * time, with the total and next links to the last version, never the whole history at once.
 */
const VERSIONS = 2_100;
let documentId = "";
let cookie = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("history-paging-tests");
  const patientId = (await system.create(aPatient({ given: "Alix" }))).id!;
  const doc = await system.create<DocumentReference>(aDocument({ patientId, kind: "lab", title: "Bilan" }));
  documentId = doc.id!;
  // Versions 2…2,100 written straight to the history table: 2,099 updates through the API take minutes here.
  await db().sql.query(
    `INSERT INTO fhir_resource_history (id, version_id, resource_type, last_updated, deleted, content, patient_id)
     SELECT $1::uuid, v, 'DocumentReference', now(), FALSE,
            jsonb_set(jsonb_set($2::jsonb, '{meta,versionId}', to_jsonb(v::text)), '{description}', to_jsonb('Bilan v' || v)), $3::uuid
       FROM generate_series(2, $4::int) AS v`,
    [documentId, JSON.stringify({ ...doc, meta: { ...doc.meta } }), patientId, VERSIONS],
  );
  await db().sql.query(`UPDATE fhir_resource SET version_id = $2 WHERE id = $1::uuid`, [documentId, VERSIONS]);
  cookie = (await signIn(`Patient/${patientId}`)).cookie;
}, 120_000);

const versionsOf = (answer: Awaited<ReturnType<typeof fhir>>) =>
  (bundleOf(answer).entry ?? []).map((entry) => entry.response?.etag);

describe("the history of a resource with thousands of versions", () => {
  it("answers a page with the total and a next link, and the last page without one", async () => {
    const first = await fhir("GET", `DocumentReference/${documentId}/_history?_count=100`, { cookie });
    expect(first.status, first.text).toBe(200);
    const bundle = bundleOf(first);
    expect(bundle.total).toBe(VERSIONS);
    expect(versionsOf(first)).toHaveLength(100);
    expect(versionsOf(first)[0]).toBe(`W/"${VERSIONS}"`);
    const next = bundle.link?.find((l) => l.relation === "next")?.url;
    expect(next).toBeDefined();

    const followed = await fhir("GET", next!.slice(`${appUrl()}${FHIR_BASE_PATH}/`.length), { cookie });
    expect(versionsOf(followed)[0]).toBe(`W/"${VERSIONS - 100}"`);

    const last = await fhir("GET", `DocumentReference/${documentId}/_history?_count=100&_offset=2000`, { cookie });
    expect(bundleOf(last).total).toBe(VERSIONS);
    expect(versionsOf(last)).toHaveLength(100);
    expect(versionsOf(last).at(-1)).toBe(`W/"1"`);
    expect(bundleOf(last).link?.some((l) => l.relation === "next")).toBe(false);
  });

  it("counts without sending anything for _count=0, and past the end answers an empty page", async () => {
    const counted = await fhir("GET", `DocumentReference/${documentId}/_history?_count=0`, { cookie });
    expect(bundleOf(counted).total).toBe(VERSIONS);
    expect(bundleOf(counted).entry ?? []).toHaveLength(0);
    const past = await fhir("GET", `DocumentReference/${documentId}/_history?_count=100&_offset=5000`, { cookie });
    expect(bundleOf(past).total).toBe(VERSIONS);
    expect(bundleOf(past).entry ?? []).toHaveLength(0);
  });
});
