import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import * as relativesPage from "@/pages/espace/proches";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { noticeOf, personWithAccount, post } from "../delegations/world";
import { sessionOf } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * Found by an exploratory test: « Inviter un proche » refused by the server (an end date past three
 * years, one's own address) came back empty, the names, address, tie and rights to give again.
 * They come back from a sealed cookie of the session's and the space's, never from the address;
 * through POST /api/proches/inviter, then the page.
 */
describe("a refused invitation comes back with what was typed", () => {
  it("names, e-mail, tie, rights and end date, for this session only, and forgotten once the invitation goes", async () => {
    const system = await systemRepository("relatives-typed-tests");
    const camille = await personWithAccount(system, "Camille", "Saisie");
    const today = parisDayOf(new Date());
    const tooFar = addDaysToDay(today, 4 * 366);
    const typed = { prenom: "Bérénice", nom: "Fontaine", email: "berenice.fontaine@example.org", lien: "frere-soeur", droits: ["documents:read", "prescriptions:read"], fin: tooFar };
    const refused = await post("inviter", typed, camille.session.cookie);
    expect(noticeOf(refused)).toBe("date");
    expect(refused.headers.get("location")).not.toMatch(/Fontaine|berenice|B%C3%A9r/i);
    expect(refused.headers.getSetCookie().join()).toMatch(/espace-sante\.invitation-saisie=[^;]+; Path=\/espace\/proches; Max-Age=300; SameSite=Strict; HttpOnly/);
    const sealed = refused.headers.getSetCookie().find((cookie) => cookie.startsWith("espace-sante.invitation-saisie="))!.split(";")[0]!;
    expect(sealed).not.toMatch(/Fontaine|berenice/);

    const page = (await servePage(relativesPage, "/espace/proches?message=date", { cookie: `${camille.session.cookie}; ${sealed}` })).html!;
    expect(page).toContain('value="Bérénice"');
    expect(page).toContain('value="Fontaine"');
    expect(page).toContain('value="berenice.fontaine@example.org"');
    expect(page).toContain('<option value="frere-soeur" selected="">');
    expect(page).toMatch(/checked="" value="documents:read"/);
    expect(page).toMatch(/checked="" value="prescriptions:read"/);
    expect(page).not.toMatch(/checked="" value="documents:write"/);
    expect(page).toMatch(new RegExp(`name="fin"[^>]*value="${tooFar}"|value="${tooFar}"[^>]*name="fin"`));

    // Without a refusal's code, or in another session of Camille's holding the cookie: an empty form.
    expect((await servePage(relativesPage, "/espace/proches", { cookie: `${camille.session.cookie}; ${sealed}` })).html).not.toContain("Fontaine");
    const other = await sessionOf(camille.account);
    expect((await servePage(relativesPage, "/espace/proches?message=date", { cookie: `${other.cookie}; ${sealed}` })).html).not.toContain("Fontaine");

    // Her own address refused: the form comes back too.
    const self = await post("inviter", { ...typed, email: camille.email, fin: addDaysToDay(today, 30) }, camille.session.cookie);
    expect(noticeOf(self)).toBe("soi-meme");
    const selfSealed = self.headers.getSetCookie().find((cookie) => cookie.startsWith("espace-sante.invitation-saisie="))!.split(";")[0]!;
    expect((await servePage(relativesPage, "/espace/proches?message=soi-meme", { cookie: `${camille.session.cookie}; ${selfSealed}` })).html).toContain('value="Fontaine"');

    const sent = await post("inviter", { ...typed, fin: addDaysToDay(today, 30) }, `${camille.session.cookie}; ${selfSealed}`);
    expect(noticeOf(sent)).toBe("invite");
    expect(sent.headers.getSetCookie().join()).toMatch(/espace-sante\.invitation-saisie=; Path=\/espace\/proches; Max-Age=0/);
  });
});
