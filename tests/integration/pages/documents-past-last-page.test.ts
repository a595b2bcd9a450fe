import { describe, expect, it } from "vitest";
import * as recordPage from "@/pages/pro/patients/[patientId]";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { signIn } from "../fhir-api/http";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * A documents list opened at a page past its last (an old bookmark, a document hidden since),
 * found in the browser on Dr Bernard's view of Jean's record at ?page=99: « 27 documents »,
 * « Aucun document ne correspond à ces critères » and « Page 99 sur 2 » together, and a
 * « Page précédente » as empty; and « Du » after « Au » said only that nothing matched. The same
 * view serves the patient's own list (documents-list-view.tsx).
 */
describe("a documents list with nothing to show on its page", () => {
  it("says where the list ends past its last page (a link to it, the filters kept, no contradicting pager), and why « Du » after « Au » finds nothing", async () => {
    const system = await systemRepository("documents-past-last-page-tests");
    const patientId = (await system.create(aPatient({ given: "Jean", family: "Pages" }))).id!;
    const practitionerId = (await system.create(aPractitioner({ given: "Sophie", family: "Pages" }))).id!;
    await system.create(aDocument({ patientId, kind: "lab", title: "Bilan de Jean", date: "2026-03-02T09:00:00Z", author: `Practitioner/${practitionerId}` }));
    await system.create(anAuthorisation({ patientId, practitionerId }));
    const { cookie } = await signIn(`Practitioner/${practitionerId}`, { name: "Dr Sophie Pages" });
    const path = `/pro/patients/${patientId}`;

    const past = (await servePage(recordPage, `${path}?categorie=lab&page=3`, { cookie, params: { patientId } })).html!.replace(/&#x27;/g, "'");
    expect(past).toContain("Cette page est au-delà de la dernière : la liste tient sur 1 page.");
    expect(past).toContain(`<a href="${path}?categorie=lab" class="font-semibold">Aller à la dernière page</a>`);
    expect(past).not.toContain("Aucun document ne correspond à ces critères.");
    expect(past).not.toMatch(/Page 3 sur|Page précédente/);

    // The last page itself, and a filter that finds nothing, say what they said before.
    const first = (await servePage(recordPage, `${path}?categorie=lab`, { cookie, params: { patientId } })).html!;
    expect(first).toContain("Bilan de Jean");
    expect(first).not.toContain("au-delà de la dernière");
    const none = (await servePage(recordPage, `${path}?categorie=imaging&page=2`, { cookie, params: { patientId } })).html!.replace(/&#x27;/g, "'");
    expect(none).toContain("Aucun document ne correspond à ces critères.");
    expect(none).not.toContain("au-delà de la dernière");

    // « Du » after « Au »: why nothing can match, not that nothing did.
    const reversed = (await servePage(recordPage, `${path}?du=2026-04-01&au=2026-03-01`, { cookie, params: { patientId } })).html!.replace(/&#x27;/g, "'");
    expect(reversed).toContain("Aucun document ne peut correspondre : la date « Du » est après la date « Au ».");
    expect(reversed).not.toContain("Aucun document ne correspond à ces critères.");
  });
});
