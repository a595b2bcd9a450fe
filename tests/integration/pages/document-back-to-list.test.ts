import { beforeAll, describe, expect, it } from "vitest";
import { POST as hide } from "@/app/api/documents/[id]/masquer/route";
import { POST as show } from "@/app/api/documents/[id]/afficher/route";
import * as documentsPage from "@/pages/espace/documents";
import * as documentPage from "@/pages/espace/documents/[id]";
import * as proRecordPage from "@/pages/pro/patients/[patientId]";
import * as proDocumentPage from "@/pages/pro/patients/[patientId]/documents/[id]";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { formPost, locationOf, params } from "../prescriptions/http";
import { signIn, type SignedIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * « Retour aux documents » on a document's page led to the whole list: the filters the person
 * had chosen (a category, words, a page) were lost, and she chose them again for the next
 * document. The list's links carry its filters, and the way back keeps them, read with the list's
 * own parser: nothing else of the URL reaches the link, whose path the page fixes.
 */
let jean: SignedIn;
let bernard: SignedIn;
let ids: { jean: string; lab: string };
beforeAll(async () => {
  const system = await systemRepository("document-back-to-list-tests");
  const patient = (await system.create(aPatient({ given: "Jean", family: "Retour", birthDate: "1950-06-02" }))).id!;
  const practitioner = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
  await system.create(anAuthorisation({ patientId: patient, practitionerId: practitioner, dateTime: new Date(Date.now() - 86_400_000).toISOString() }));
  const lab = (await system.create(aDocument({ patientId: patient, kind: "lab", title: "Bilan sanguin", date: "2026-03-02T09:00:00Z" }))).id!;
  await system.create(aDocument({ patientId: patient, kind: "imaging", title: "Radio du genou", date: "2026-04-02T09:00:00Z" }));
  ids = { jean: patient, lab };
  jean = await signIn(`Patient/${patient}`, { name: "Jean Retour" });
  bernard = await signIn(`Practitioner/${practitioner}`, { name: "Dr Sophie Bernard" });
}, 120_000);

const backHref = (html: string) => html.match(/<a href="([^"]*)"[^>]*>← Retour aux documents<\/a>/)?.[1]?.replace(/&amp;/g, "&");

describe("« Retour aux documents » from a document opened from a filtered list", () => {
  it("in the patient's space: the list's link carries its filters, and the way back returns to them", async () => {
    const list = await servePage(documentsPage, "/espace/documents?categorie=lab&q=Bilan", { cookie: jean.cookie });
    expect(list.status).toBe(200);
    expect(list.html!.replace(/&amp;/g, "&")).toContain(`href="/espace/documents/${ids.lab}?categorie=lab&q=Bilan"`);

    const page = await servePage(documentPage, `/espace/documents/${ids.lab}?categorie=lab&q=Bilan`, { cookie: jean.cookie, params: { id: ids.lab } });
    expect(page.status).toBe(200);
    expect(backHref(page.html!)).toBe("/espace/documents?categorie=lab&q=Bilan");
  });

  it("without filters, the way back is the whole list", async () => {
    const page = await servePage(documentPage, `/espace/documents/${ids.lab}`, { cookie: jean.cookie, params: { id: ids.lab } });
    expect(backHref(page.html!)).toBe("/espace/documents");
  });

  it("keeps only the list's filters, checked: nothing of a forged URL leads elsewhere", async () => {
    const forged = `/espace/documents/${ids.lab}?categorie=//evil.example&vers=https://evil.example&page=2&du=2026-01-01&auteur=javascript:alert(1)&q=${encodeURIComponent('"><script>x</script>')}`;
    const page = await servePage(documentPage, forged, { cookie: jean.cookie, params: { id: ids.lab } });
    expect(page.status).toBe(200);
    const back = backHref(page.html!)!;
    expect(back.startsWith("/espace/documents?")).toBe(true);
    const query = new URL(back, "https://portail.example").searchParams;
    expect([...query.keys()].sort()).toEqual(["du", "page", "q"]);
    expect(query.get("q")).toBe('"><script>x</script>');
    expect(page.html).not.toContain("evil.example");
    expect(page.html).not.toContain("javascript:");
    expect(page.html).not.toContain("<script>x");
  });

  it("in a professional's view of the record: back to the patient's list, with its filters", async () => {
    const list = await servePage(proRecordPage, `/pro/patients/${ids.jean}?categorie=lab`, { cookie: bernard.cookie, params: { patientId: ids.jean } });
    expect(list.status).toBe(200);
    expect(list.html!.replace(/&amp;/g, "&")).toContain(`href="/pro/patients/${ids.jean}/documents/${ids.lab}?categorie=lab"`);
    const page = await servePage(proDocumentPage, `/pro/patients/${ids.jean}/documents/${ids.lab}?categorie=lab`, { cookie: bernard.cookie, params: { patientId: ids.jean, id: ids.lab } });
    expect(page.status).toBe(200);
    expect(backHref(page.html!)).toBe(`/pro/patients/${ids.jean}?categorie=lab`);
  });
});

describe("a choice made on the document's page (hide it, show it again)", () => {
  it("is posted with the list's filters, which come back with the answer, so the way back still leads to the list", async () => {
    const page = await servePage(documentPage, `/espace/documents/${ids.lab}?categorie=lab&q=Bilan`, { cookie: jean.cookie, params: { id: ids.lab } });
    expect(page.html!.replace(/&amp;/g, "&")).toContain(`action="/api/documents/${ids.lab}/masquer?categorie=lab&q=Bilan"`);

    const request = formPost(`/api/documents/${ids.lab}/masquer?categorie=lab&q=Bilan`, {}, { cookie: jean.cookie });
    const answer = await inRequestScope(request, () => hide(request, params({ id: ids.lab })));
    expect(answer.status).toBe(303);
    expect(locationOf(answer)).toBe(`/espace/documents/${ids.lab}?message=masque&categorie=lab&q=Bilan`);
    const after = await servePage(documentPage, locationOf(answer)!, { cookie: jean.cookie, params: { id: ids.lab } });
    expect(backHref(after.html!)).toBe("/espace/documents?categorie=lab&q=Bilan");
  });

  it("carries back only the list's filters, checked, whatever the form's address holds", async () => {
    const request = formPost(`/api/documents/${ids.lab}/afficher?categorie=//evil.example&vers=https://evil.example&q=x%0d%0aSet-Cookie:a=b`, {}, { cookie: jean.cookie });
    const answer = await inRequestScope(request, () => show(request, params({ id: ids.lab })));
    expect(locationOf(answer)).toBe(`/espace/documents/${ids.lab}?message=visible&q=x%0D%0ASet-Cookie%3Aa%3Db`);
  });
});
