import { beforeAll, describe, expect, it } from "vitest";
import * as sharingPage from "@/pages/espace/partage";
import { useTestDatabase } from "../../setup/test-database";
import { buildPrivacyWorld, type PrivacyWorld } from "../privacy/world";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * Found in the browser: the sharing page's professional search went to /espace/partage#autoriser.
 * With a fragment the browser scrolls and skips autofocus: the focus stayed at the top of the
 * page, the results read only by whoever scrolled down to them. The form goes to the page alone,
 * and the results' heading takes the focus as the other forms' answers do (Alert), unless a
 * notice above has it.
 */
let world: PrivacyWorld;
beforeAll(async () => {
  world = await buildPrivacyWorld();
}, 120_000);

const open = async (query: string) => (await servePage(sharingPage, `/espace/partage${query}`, { cookie: world.sessions.camille.cookie })).html!.replace(/&#x27;/g, "'");
const heading = (html: string) => html.match(/<h3[^>]*>[^<]*Résultats pour[^<]*<\/h3>/)?.[0] ?? "";

describe("the sharing page's professional search", () => {
  it("is sent to the page without a fragment, and its results' heading has the focus, found or not", async () => {
    const found = await open("?q=Alpha");
    expect(found.match(/<form[^>]*role="search"[^>]*>/)?.[0]).toContain('action="/espace/partage"');
    expect(found).toContain("Anne Alpha");
    expect(heading(found)).toMatch(/^<h3 tabindex="-1" autofocus=""/);
    expect(found.match(/autofocus=""/g)).toHaveLength(1);
    expect(heading(await open("?q=Personne-De-Ce-Nom"))).toMatch(/^<h3 tabindex="-1" autofocus=""/);
    // No search: no results, nothing takes the focus.
    expect(await open("")).not.toContain('autofocus=""');
  });

  it("leaves the focus to a notice that takes it", async () => {
    const page = await open("?q=Alpha&message=autorise");
    expect(heading(page)).not.toContain("autofocus");
    expect(page.match(/autofocus=""/g)).toHaveLength(1);
    expect(page).toMatch(/<div role="status" tabindex="-1" autofocus=""/);
  });
});
