import type { Resource } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { aDocument } from "@/lib/fhir/builders/documents";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner, aPractitionerRole, anOrganization } from "@/lib/fhir/builders/people";
import { aHiddenDocument, anAuthorisation } from "@/lib/fhir/builders/rules";
import { listDocumentFacets } from "@/server/documents/list-document-facets";
import { listDocuments } from "@/server/documents/list-documents";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { insertResources } from "./bulk-insert";

const db = useTestDatabase();

/**
 * The documents page's author and facility filters offered the first 100 professionals and
 * facilities of the directory, whoever wrote the record. A record of 2,100 documents by 2,100
 * professionals, each at a facility of their own, now offers every one of them, and only them.
 */
const N = 2_100;
let patientId = "";
let viewerId = "";
let hiddenAuthor = "";
const practitioners: string[] = [];
const organizations: string[] = [];

beforeAll(async () => {
  const system = await systemRepository("document-facets-tests");
  patientId = (await system.create(aPatient({ given: "Alix" }))).id!;
  viewerId = (await system.create(aPractitioner({ given: "Léa", family: "Garnier" }))).id!;
  // Directory entries that wrote nothing for Alix: never offered.
  await system.create(aPractitioner({ given: "Hors", family: "Dossier" }));
  const resources: Resource[] = [];
  for (let i = 0; i < N; i++) {
    const practitionerId = newId();
    const organizationId = newId();
    practitioners.push(practitionerId);
    organizations.push(organizationId);
    resources.push(
      aPractitioner({ id: practitionerId, given: "Praticien", family: `N${String(i).padStart(4, "0")}` }),
      anOrganization({ id: organizationId, name: `Établissement ${String(i).padStart(4, "0")}` }),
      aPractitionerRole({ practitionerId, organizationId }),
      aDocument({ patientId, kind: "lab", title: `Analyse ${i}`, date: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(), author: `Practitioner/${practitionerId}` }),
    );
  }
  await insertResources(db(), resources);
  const hiddenDoc = resources.find((r) => r.resourceType === "DocumentReference" && (r as { author?: { reference?: string }[] }).author?.[0]?.reference === `Practitioner/${practitioners[7]}`);
  hiddenAuthor = practitioners[7]!;
  await system.create(aHiddenDocument({ patientId, documentIds: [hiddenDoc!.id!] }));
  await system.create(anAuthorisation({ patientId, practitionerId: viewerId }));
}, 180_000);

describe("the filters of a long record", () => {
  it("offer every author and every facility of the record, named, and nobody else", async () => {
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId });
    const facets = await listDocumentFacets(repo, patientId);
    expect(facets.authors).toHaveLength(N);
    expect(facets.facilities).toHaveLength(N);
    expect(new Set(facets.authors.map((a) => a.id))).toEqual(new Set(practitioners));
    expect(new Set(facets.facilities.map((f) => f.id))).toEqual(new Set(organizations));
    expect(facets.authors.find((a) => a.id === practitioners[2_050])?.label).toBe("Dr Praticien N2050");
    expect(facets.facilities.find((f) => f.id === organizations[2_050])?.label).toBe("Établissement 2050");
  });

  it("filter by a facility past the old 100th, in SQL", async () => {
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId });
    const list = await listDocuments(repo, patientId, parseDocumentFilters({ etablissement: organizations[2_050] }).filters);
    expect(list.total).toBe(1);
    expect(list.items.map((item) => item.title)).toEqual(["Analyse 2050"]);
  });

  it("do not name the author of a document hidden from the professional who looks", async () => {
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: viewerId });
    const facets = await listDocumentFacets(repo, patientId);
    expect(facets.authors).toHaveLength(N - 1);
    expect(facets.authors.map((a) => a.id)).not.toContain(hiddenAuthor);
  });

  it("say how many documents there are and page through all of them", async () => {
    const repo = await createRepository({ kind: "patient", accountId: newId(), patientId });
    const last = await listDocuments(repo, patientId, parseDocumentFilters({ page: "105" }).filters);
    expect(last.total).toBe(N);
    expect(last.pageCount).toBe(105);
    expect(last.items.map((item) => item.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Analyse ${19 - i}`));
  });

  it("keep an author one of whose documents is hidden, drop one whose every document is, and step over other authors", async () => {
    // The authors are read by jumps in the index (search.ts): each jump must land on the next
    // author with a document this viewer may see, whatever lies between.
    const system = await systemRepository("document-facets-tests");
    const sam = (await system.create(aPatient({ given: "Sam" }))).id!;
    const [kept, dropped, last] = [newId(), newId(), newId()].sort();
    const doc = (author: string, title: string) => aDocument({ patientId: sam, kind: "lab", title, date: "2024-01-01T10:00:00Z", author });
    const docs: Resource[] = [
      aPractitioner({ id: kept!, given: "Garde", family: "A" }),
      aPractitioner({ id: dropped!, given: "Masqué", family: "B" }),
      aPractitioner({ id: last!, given: "Dernier", family: "C" }),
      doc(`Practitioner/${kept}`, "visible"),
      doc(`Practitioner/${kept}`, "masqué 1"),
      doc(`Practitioner/${dropped}`, "masqué 2"),
      doc(`Patient/${sam}`, "déposé par Sam"),
      doc(`Practitioner/${last}`, "visible aussi"),
    ];
    await insertResources(db(), docs);
    const hidden = docs.filter((r) => r.resourceType === "DocumentReference" && "description" in r && String(r.description).startsWith("masqué")).map((r) => r.id!);
    expect(hidden).toHaveLength(2);
    await system.create(aHiddenDocument({ patientId: sam, documentIds: hidden }));
    await system.create(anAuthorisation({ patientId: sam, practitionerId: viewerId }));
    const asPro = await listDocumentFacets(await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: viewerId }), sam);
    expect(asPro.authors.map((a) => a.id).sort()).toEqual([kept, last].sort());
    const asSam = await listDocumentFacets(await createRepository({ kind: "patient", accountId: newId(), patientId: sam }), sam);
    expect(asSam.authors.map((a) => a.id).sort()).toEqual([kept, dropped, last].sort());
  });
});
