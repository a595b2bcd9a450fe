import { randomUUID } from "node:crypto";
import { createElement, type ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { SiteShell } from "@/components/site-shell";
import * as linkPage from "@/pages/p/[linkId]/index";
import * as gonePage from "@/pages/p/[linkId]/indisponible";
import * as completedPage from "@/pages/p/[linkId]/termine";
import type { FramedProps } from "@/server/pages/framed-page";
import { useTestDatabase } from "../../setup/test-database";
import { servePage, type PagesModule } from "./pages-route";

useTestDatabase();

/**
 * Where the pharmacist's form posts send a link (/p/<link>/indisponible once it died,
 * /p/<link>/termine after the dispensation that completed the prescription), served by the
 * Pages Router without runtime JavaScript. Neither reads the link: nothing of a prescription,
 * whatever the address holds.
 */
describe("the pharmacist's end pages (Pages Router)", () => {
  it("answers « no longer available » with a 404 for any link, as the link's own page answers a dead one", async () => {
    for (const linkId of [randomUUID(), "pas-un-lien"]) {
      const answer = await servePage(gonePage, `/p/${linkId}/indisponible`, { params: { linkId } });
      expect(answer.status, linkId).toBe(404);
      expect(answer.html, linkId).toMatch(/<h1[^>]*>Ordonnance plus disponible<\/h1>/);
      expect(answer.html, linkId).toContain("Demandez un nouveau lien au patient.");
      expect(answer.html, linkId).not.toMatch(/<form|Page introuvable/);
    }
  });

  it("says the prescription is fully dispensed and the link gone, with nothing of it", async () => {
    const linkId = randomUUID();
    const answer = await servePage(completedPage, `/p/${linkId}/termine`, { params: { linkId } });
    expect(answer.status).toBe(200);
    expect(answer.html).toMatch(/<h1[^>]*>Ordonnance entièrement délivrée<\/h1>/);
    expect(answer.html).toContain("ce lien n&#x27;est plus disponible.");
    expect(answer.html).not.toMatch(/<form|linkId/);
    expect(answer.html).not.toContain(linkId);
  });

  it("for a form posted once the prescription was fully dispensed, says this form recorded nothing; whoever types the address learns nothing more", async () => {
    const linkId = randomUUID();
    const answer = await servePage(completedPage, `/p/${linkId}/termine?formulaire=autre`, { params: { linkId } });
    expect(answer.status).toBe(200);
    expect(answer.html).toMatch(/<h1[^>]*>Ordonnance entièrement délivrée<\/h1>/);
    expect(answer.html!.replaceAll("&#x27;", "'")).toContain("ce formulaire n'a rien enregistré");
    expect(answer.html).not.toContain("La délivrance est enregistrée");
    expect(answer.html).not.toMatch(/<form|linkId/);
  });

  it("answers an App Router prefetch 204", async () => {
    const linkId = randomUUID();
    for (const [page, path] of [[gonePage, "indisponible"], [completedPage, "termine"]] as const) {
      expect(await servePage(page as PagesModule<Partial<FramedProps<unknown>>>, `/p/${linkId}/${path}`, { params: { linkId }, headers: { rsc: "1", "next-router-prefetch": "1" } })).toEqual({
        status: 204,
        ended: true,
      });
    }
  });

  it("in the frame, the footer tells the pharmacist the patient sees each consultation, not « vos données … votre historique »", async () => {
    const linkId = randomUUID();
    for (const [page, path] of [[linkPage, ""], [gonePage, "/indisponible"], [completedPage, "/termine"]] as const) {
      const html = (await servePage(framed(page as PagesModule<Partial<FramedProps<unknown>>>), `/p/${linkId}${path}`, { params: { linkId } })).html!.replaceAll("&#x27;", "'");
      expect(html, path).toContain("Chaque consultation de cette ordonnance est enregistrée : le patient la voit dans son historique des accès.");
      expect(html, path).not.toContain("votre historique des accès");
    }
  });
});

/** A Pages Router page inside the frame _app.tsx gives it (as pro-wording.test.ts does): the footer from the page's frame. */
function framed<P extends Partial<FramedProps<unknown>>>(page: PagesModule<P>): PagesModule<P> {
  const Page = page.default as ComponentType<P>;
  const Framed = (props: P) => SiteShell({ header: props.frame?.header ?? {}, children: createElement(Page, props) });
  return { getServerSideProps: page.getServerSideProps, default: Framed };
}
