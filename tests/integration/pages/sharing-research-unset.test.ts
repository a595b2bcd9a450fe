import { beforeAll, describe, expect, it } from "vitest";
import * as sharingPage from "@/pages/espace/partage";
import { useTestDatabase } from "../../setup/test-database";
import { buildPrivacyWorld, post, type PrivacyWorld } from "../privacy/world";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * Found in the browser: a patient who never said anything about research read « Vous refusez que
 * vos données soient réutilisées pour la recherche », and found « non » ticked. Her data are not
 * used without her agreement, but she did not refuse: the page says no choice is made yet and
 * ticks nothing, until she chooses.
 */
let world: PrivacyWorld;
beforeAll(async () => {
  world = await buildPrivacyWorld();
}, 120_000);

const open = async () => (await servePage(sharingPage, "/espace/partage", { cookie: world.sessions.camille.cookie })).html!.replace(/&#x27;/g, "'");
const checked = (html: string) => [...html.matchAll(/<input type="radio" id="(recherche-[a-z]+)"[^>]*>/g)].filter((m) => m[0].includes('checked=""')).map((m) => m[1]);

describe("the research choice on the sharing page", () => {
  it("says no choice is made yet and ticks nothing, then says what she chose", async () => {
    let page = await open();
    expect(page).toContain("Vous n'avez pas encore fait de choix pour la recherche : vos données ne sont pas réutilisées sans votre accord.");
    expect(page).not.toContain("Vous refusez que vos données soient réutilisées pour la recherche.");
    expect(checked(page)).toEqual([]);

    await post("recherche", { choix: "non" }, { cookie: world.sessions.camille.cookie });
    page = await open();
    expect(page).toContain("Vous refusez que vos données soient réutilisées pour la recherche.");
    expect(checked(page)).toEqual(["recherche-non"]);

    await post("recherche", { choix: "oui" }, { cookie: world.sessions.camille.cookie });
    page = await open();
    expect(page).toContain("Vous acceptez que vos données soient réutilisées pour la recherche.");
    expect(checked(page)).toEqual(["recherche-oui"]);
  });
});
