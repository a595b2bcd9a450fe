import { createElement, type ComponentType } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { SiteShell } from "@/components/site-shell";
import * as patientHome from "@/pages/espace";
import * as proMessages from "@/pages/pro/messages";
import * as proRecord from "@/pages/pro/patients/[patientId]";
import * as patientMessages from "@/pages/espace/messages";
import type { FramedProps } from "@/server/pages/framed-page";
import { buildMessagesWorld, type MessagesWorld } from "../messages/world";
import { useTestDatabase } from "../../setup/test-database";
import { servePage, type PagesModule } from "./pages-route";

useTestDatabase();

/** A Pages Router page inside the frame _app.tsx gives it: the header and the footer from the page's frame. */
function framed<P extends Partial<FramedProps<unknown>>>(page: PagesModule<P>): PagesModule<P> {
  const Page = page.default as ComponentType<P>;
  // SiteShell holds no state: called as a function, as _app.tsx renders it around the page.
  const Framed = (props: P) => SiteShell({ header: props.frame?.header ?? {}, children: createElement(Page, props) });
  return { getServerSideProps: page.getServerSideProps, default: Framed };
}

const text = (html: string | undefined) => (html ?? "").replaceAll("&#x27;", "'");

/** Dr Bernard, whom Camille authorises, reads wording written for a professional; Camille keeps hers. */
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
}, 120_000);

describe("a professional's pages speak to the professional", () => {
  it("the footer says the patient sees each consultation in their history, not « votre historique »", async () => {
    const pro = text((await servePage(framed(proMessages), "/pro/messages", { cookie: world.sessions.bernard.cookie })).html);
    expect(pro).toContain("Chaque consultation d'un dossier est enregistrée : le patient la voit dans son historique des accès.");
    expect(pro).not.toContain("votre historique des accès");
    const patient = text((await servePage(framed(patientHome), "/espace", { cookie: world.sessions.camille.cookie })).html);
    expect(patient).toContain("Chaque consultation de vos données est enregistrée dans votre historique des accès.");
  });

  it("in another person's space, the footer says the consultations go to that record's history, not « votre historique »", async () => {
    // Maya, Camille's caregiver, in Camille's space: what she reads is in Camille's history.
    const caregiver = text((await servePage(framed(patientHome), "/espace", { cookie: world.sessions.maya.cookie })).html);
    expect(caregiver).toContain("Chaque consultation de ce dossier est enregistrée dans son historique des accès, avec le nom de la personne qui l'a faite.");
    expect(caregiver).not.toContain("votre historique des accès");
  });

  it("the message form says an attached file goes into the patient's documents", async () => {
    const pro = text((await servePage(proMessages, "/pro/messages", { cookie: world.sessions.bernard.cookie })).html);
    expect(pro).toContain("Il est ajouté aux documents du patient.");
    expect(pro).not.toContain("ajouté à vos documents");
    const patient = text((await servePage(patientMessages, "/espace/messages", { cookie: world.sessions.camille.cookie })).html);
    expect(patient).toContain("Il est ajouté à vos documents.");
  });

  it("the record's category filter offers « Documents personnels », not « Mes documents »", async () => {
    const answer = await servePage(proRecord, `/pro/patients/${world.camilleId}`, { cookie: world.sessions.bernard.cookie, params: { patientId: world.camilleId } });
    expect(answer.status).toBe(200);
    expect(answer.html).toMatch(/<option value="personal"[^>]*>Documents personnels<\/option>/);
    expect(answer.html).not.toContain("Mes documents");
  });
});
