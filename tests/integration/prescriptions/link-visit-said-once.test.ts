import { beforeAll, describe, expect, it } from "vitest";
import { POST as deliver } from "@/app/(link)/p/[linkId]/delivrer/route";
import { POST as open } from "@/app/(link)/p/[linkId]/ouvrir/route";
import * as prescriptionPage from "@/pages/espace/ordonnances/[id]";
import * as pharmacistPage from "@/pages/p/[linkId]/index";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, warmUpValidator } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { APP, cookieOf, formPost, locationOf, params, secretOf } from "./http";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();

/**
 * The pharmacist's page is drawn again after every form she sends (the passcode, each
 * dispensation), and each drawing reads the patient: one audit row each, all kept. Camille's
 * prescription page, under « Liens envoyés aux pharmacies », said « Ordonnance consultée » after
 * each of them; it now says it once per visit, with how many times, and the dispensations in
 * their place, each saying how much of which medication. Another pharmacy's visit is its own row.
 */
let world: World;
beforeAll(async () => {
  warmUpValidator();
  world = await buildWorld();
}, 120_000);

const pharmacistView = async (linkId: string, cookie: string) => {
  const page = await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId } });
  expect(page.status).toBe(200);
  return page.html!;
};

/** The rows of the link's events table on Camille's page (the first of « Liens envoyés aux pharmacies »): [what, who]. */
function eventRows(html: string): string[][] {
  const links = html.slice(html.indexOf('id="links-title"'));
  const table = /<table[\s\S]*?<\/table>/.exec(links)?.[0] ?? "";
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .map((row) => [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "").trim()))
    .filter((cells) => cells.length === 3)
    .map(([, what, who]) => [what!, who!]);
}

describe("a pharmacy's visit in the link's history", () => {
  it("is said once, with how many times the page was drawn; the dispensation keeps its row and the trail keeps every view", async () => {
    const { prescriptionId } = await world.addPrescription(world.camilleId);
    const shared = await sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId, withPasscode: true }, APP);
    const linkId = shared.linkId;
    const opened = await open(formPost(`/p/${linkId}/ouvrir`, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie de la Gare" }), params({ linkId }));
    expect(locationOf(opened)).toBe(`/p/${linkId}`);
    const cookie = cookieOf(opened)!;

    // Drawn after the passcode, then after a dispensation, then once more (the pharmacist reloads).
    const page = await pharmacistView(linkId, cookie);
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? "";
    const line = /name="choix-([^"]+)" value="partie"/.exec(page)![1]!;
    const fields = { "cle-formulaire": field("cle-formulaire"), etat: field("etat"), [`choix-${line}`]: "partie", [`quantite-${line}`]: "1" };
    expect(locationOf(await deliver(formPost(`/p/${linkId}/delivrer`, fields, { cookie }), params({ linkId })))).toBe(`/p/${linkId}?message=enregistre`);
    await pharmacistView(linkId, cookie);
    await pharmacistView(linkId, cookie);

    // Another pharmacy opens the same link: its visit is its own.
    const other = await open(formPost(`/p/${linkId}/ouvrir`, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie du Port" }), params({ linkId }));
    await pharmacistView(linkId, cookieOf(other)!);

    const camille = await signIn(`Patient/${world.camilleId}`, { name: "Camille Martin" });
    const mine = await servePage(prescriptionPage, `/espace/ordonnances/${prescriptionId}`, { cookie: camille.cookie, params: { id: prescriptionId } });
    expect(mine.status).toBe(200);
    const rows = eventRows(mine.html!);
    expect(rows.filter(([what]) => what!.startsWith("Ordonnance consultée"))).toEqual([
      ["Ordonnance consultée", "Pharmacie du Port"],
      ["Ordonnance consultée 3 fois pendant la visite", "Pharmacie de la Gare"],
    ]);
    // The quantity, then its medication after a colon: run together they read as one phrase
    // (« Délivrance : 1 comprimé Amoxicilline 1 g, comprimé », found by a walk of the pharmacist's journey).
    expect(rows.filter(([what]) => what!.startsWith("Délivrance"))).toEqual([["Délivrance de 1 comprimé : Amoxicilline 1 g, comprimé", "Pharmacie de la Gare"]]);
    expect(rows.filter(([what]) => what === "Ouverture avec le bon code")).toHaveLength(2);

    // The trail has every view.
    const views = await db().sql.query("SELECT 1 FROM audit_event WHERE patient_id = $1::uuid AND agent = $2 AND interaction = 'read' AND entity LIKE 'Patient/%'", [world.camilleId, `Link/${linkId}`]);
    expect(views).toHaveLength(4);
  });
});
