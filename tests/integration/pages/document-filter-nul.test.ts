import { beforeAll, describe, expect, it } from "vitest";
import * as documentsPage from "@/pages/espace/documents";
import * as documentPage from "@/pages/espace/documents/[id]";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, type SignedIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * Found attacking the production build: /espace/documents?q=%00 answered 500 (PostgreSQL
 * refuses a NUL in text), and a document's page opened with it wrote that word into its
 * « Retour aux documents », a link that led to the error page. A NUL is a bad filter like any
 * other: dropped, the list says a filter was not understood.
 */
let jean: SignedIn;
let lab: string;
beforeAll(async () => {
  const system = await systemRepository("document-filter-nul-tests");
  const patient = (await system.create(aPatient({ given: "Jean", family: "Nul", birthDate: "1950-06-02" }))).id!;
  lab = (await system.create(aDocument({ patientId: patient, kind: "lab", title: "Bilan sanguin", date: "2026-03-02T09:00:00Z" }))).id!;
  jean = await signIn(`Patient/${patient}`, { name: "Jean Nul" });
}, 120_000);

describe("a NUL in the list's words", () => {
  it("the list answers, without that filter", async () => {
    const list = await servePage(documentsPage, "/espace/documents?q=%00&categorie=lab", { cookie: jean.cookie });
    expect(list.status).toBe(200);
    expect(list.html).toContain("Bilan sanguin");
  });

  it("a document's page leaves it out of the way back", async () => {
    const page = await servePage(documentPage, `/espace/documents/${lab}?q=a%00b&categorie=lab`, { cookie: jean.cookie, params: { id: lab } });
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/espace/documents?categorie=lab"');
  });
});
