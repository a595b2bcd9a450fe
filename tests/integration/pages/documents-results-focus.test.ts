import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as documentsPage from "@/pages/espace/documents";
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
 * Found on today's walk: the documents filters are a plain GET form, and the page that answered
 * them opened with the focus at its top, the count of results unread; a keyboard or
 * screen-reader user had to find the results again. Now the count (« 1 document ») takes the
 * focus when the list was asked for with filters or a page, as the sharing page's search results
 * do, and nothing takes it when the page is opened plainly. The same list serves the patient's
 * space and the professional's view of a record (documents-list-view.tsx).
 */
let patientId: string;
let patientCookie: string;
let proCookie: string;

beforeAll(async () => {
  const system = await systemRepository("documents-results-focus-tests");
  patientId = (await system.create(aPatient({ given: "Jean", family: "Focus" }))).id!;
  const practitionerId = (await system.create(aPractitioner({ given: "Sophie", family: "Focus" }))).id!;
  await system.create(aDocument({ patientId, kind: "lab", title: "Bilan de Jean", date: "2026-03-02T09:00:00Z" }));
  await system.create(anAuthorisation({ patientId, practitionerId }));
  patientCookie = (await signIn(`Patient/${patientId}`, { name: "Jean Focus" })).cookie;
  proCookie = (await signIn(`Practitioner/${practitionerId}`, { name: "Dr Sophie Focus" })).cookie;
}, 120_000);

const own = async (query: string) => (await servePage(documentsPage, `/espace/documents${query}`, { cookie: patientCookie })).html!.replace(/&#x27;/g, "'");
const record = async (query: string) =>
  (await servePage(recordPage, `/pro/patients/${patientId}${query}`, { cookie: proCookie, params: { patientId } })).html!.replace(/&#x27;/g, "'");

/** The elements that take the focus when the page loads, by their opening tag. */
const focused = (html: string) => html.match(/<[a-z0-9]+ [^>]*autofocus=""[^>]*>/g) ?? [];
const COUNT = /^<h2 id="results-title" tabindex="-1" autofocus=""/;

describe("the documents list opened with filters or a page", () => {
  it("gives the focus to the count of results, in the patient's space and the professional's view, and to nothing when opened plainly", async () => {
    for (const open of [own, record]) {
      const filtered = await open("?categorie=lab");
      expect(filtered).toMatch(/<h2 id="results-title"[^>]*>1 document<\/h2>/);
      expect(focused(filtered)).toHaveLength(1);
      expect(focused(filtered)[0]).toMatch(COUNT);
      // Nothing found: the count still says so (« Aucun document »), and takes the focus.
      const none = await open("?q=introuvable");
      expect(none).toMatch(/<h2 id="results-title"[^>]*>Aucun document<\/h2>/);
      expect(focused(none)).toEqual([expect.stringMatching(COUNT)]);
      // A pager link is an answer too.
      expect(focused(await open("?page=2"))).toEqual([expect.stringMatching(COUNT)]);
      // Opened plainly, the page starts at its top.
      expect(focused(await open(""))).toEqual([]);
    }
  });

  it("whatever the filters, the count has the focus exactly when one is set", async () => {
    const filter = fc.record(
      {
        categorie: fc.constantFrom("lab", "imaging", "personal"),
        q: fc.constantFrom("Bilan", "introuvable"),
        du: fc.constantFrom("2026-01-01", "2026-04-01"),
        au: fc.constantFrom("2026-03-01", "2026-12-31"),
        page: fc.constantFrom("1", "2", "5"),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filter, fc.boolean(), async (params, pro) => {
        const query = new URLSearchParams(params).toString();
        const html = await (pro ? record : own)(query ? `?${query}` : "");
        const asked = Object.entries(params).some(([key, value]) => key !== "page" || value !== "1");
        expect(focused(html)).toEqual(asked ? [expect.stringMatching(COUNT)] : []);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it("leaves the focus to a notice above that takes it: a success, or the filters refused", async () => {
    // Back from a deletion with the list's filters kept (document-post.ts): the notice has the focus.
    const deleted = await own("?message=supprime&categorie=lab");
    expect(focused(deleted)).toEqual([expect.stringMatching(/^<div role="status" tabindex="-1" autofocus=""/)]);
    expect(deleted).toContain("Le document a été supprimé.");
    // A filter refused: its notice is the answer, or the count would read as that of the filter asked for.
    for (const open of [own, record]) {
      const refused = await open("?categorie=inconnue");
      expect(focused(refused)).toEqual([expect.stringMatching(/^<div role="status" tabindex="-1" autofocus=""/)]);
      expect(refused).toMatch(/autofocus=""[^>]*><div>Certains filtres n'étaient pas valides et ont été ignorés\.<\/div>/);
    }
  });
});
