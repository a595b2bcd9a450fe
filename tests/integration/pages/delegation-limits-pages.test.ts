import { describe, expect, it } from "vitest";
import * as home from "@/pages/espace";
import * as documents from "@/pages/espace/documents";
import * as prescriptions from "@/pages/espace/ordonnances";
import * as sharing from "@/pages/espace/partage";
import * as history from "@/pages/espace/historique";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, anAuthorisation } from "@/lib/fhir/builders/rules";
import { t } from "@/lib/i18n/messages";
import type { Scope } from "@/server/access/scopes";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { appUrl, sessionOf } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { servePage } from "./pages-route";

useTestDatabase();

/** A message as the page's HTML spells it (React escapes the apostrophes). */
const html = (text: string) => text.replace(/'/g, "&#x27;");
/** The section tiles of the home page: each card's link. */
const tiles = (page: string) => [...page.matchAll(/<a [^>]*href="(\/espace\/[a-z-]+)"/g)].map((match) => match[1]);

/** Jean, who authorised Dr Lune, and Camille, his caregiver with the rights he gave her. */
async function caregiverOfJean(scopes: readonly Scope[]) {
  const system = await systemRepository("delegation-limits-tests");
  const jean = await personWithAccount(system, "Jean", "Limites");
  const camille = await personWithAccount(system, "Camille", "Limites");
  const lune = (await system.create(aPractitioner({ given: "Claire", family: "Lune" }))).id!;
  await system.create(anAuthorisation({ patientId: jean.patientId, practitionerId: lune }));
  await system.create(aDelegation({ patientId: jean.patientId, agentPatientId: camille.patientId, scopes }));
  return { jean, lune, camilleInJean: await sessionOf(camille.account, jean.patientId) };
}

describe("a caregiver's space with a delegation that leaves parts out", () => {
  it("offers no tile for sharing or the access history, and the sharing page says in words it is not hers to see", async () => {
    const { jean, camilleInJean } = await caregiverOfJean(["documents:read", "prescriptions:read", "prescriptions:share", "messages:write"]);

    const homePage = await servePage(home, "/espace", { cookie: camilleInJean.cookie });
    expect(homePage.status).toBe(200);
    expect(tiles(homePage.html!)).toEqual(["/espace/documents", "/espace/ordonnances", "/espace/proches", "/espace/prevention", "/espace/messages"]);
    expect(homePage.html).not.toContain(t("sections.privacy.title"));

    const sharingPage = await servePage(sharing, "/espace/partage", { cookie: camilleInJean.cookie });
    expect(sharingPage.status).toBe(200);
    expect(sharingPage.html).toContain(t("sharing.title"));
    expect(sharingPage.html).toContain(html(t("outOfReach.privacy")));
    expect(sharingPage.html).not.toContain(t("errors.notFoundTitle"));
    // Nothing of Jean's choices: not the professional he authorised, not a single form.
    expect(sharingPage.html).not.toContain("Lune");
    expect(sharingPage.html).not.toContain("<form");
    // Nor the introduction of a page she may use (« Vous gérez pour Jean Limites qui peut voir son dossier »).
    expect(sharingPage.html).not.toContain("Vous gérez pour");
    const historyPage = (await servePage(history, "/espace/historique", { cookie: camilleInJean.cookie })).html!;
    expect(historyPage).toContain(html(t("outOfReach.trail")));
    // Not a dead end: who can give her the right, and where (found walking Camille's journey in Jean's space).
    expect(historyPage).toContain(html("Si vous en avez besoin, la personne peut ajouter ce droit à votre délégation, depuis « Proches et délégations » dans son espace."));
    expect(historyPage).not.toContain("est enregistrée ici");

    // Jean himself is offered every section, and his sharing page.
    const ownHome = await servePage(home, "/espace", { cookie: jean.session.cookie });
    expect(tiles(ownHome.html!)).toEqual(["/espace/documents", "/espace/ordonnances", "/espace/partage", "/espace/proches", "/espace/historique", "/espace/prevention", "/espace/messages"]);
    const ownSharing = await servePage(sharing, "/espace/partage", { cookie: jean.session.cookie });
    expect(ownSharing.html).toContain("Lune");
    expect(ownSharing.html).not.toContain(html(t("outOfReach.privacy")));
  });

  it("offers the sharing tile and page to a caregiver who may manage sharing", async () => {
    const { camilleInJean } = await caregiverOfJean(["privacy:manage"]);
    const homePage = await servePage(home, "/espace", { cookie: camilleInJean.cookie });
    expect(tiles(homePage.html!)).toEqual(["/espace/partage", "/espace/proches", "/espace/historique", "/espace/prevention", "/espace/messages"]);
    const sharingPage = await servePage(sharing, "/espace/partage", { cookie: camilleInJean.cookie });
    expect(sharingPage.status).toBe(200);
    expect(sharingPage.html).toContain("Lune");
  });

  it("says the documents and the prescriptions are not hers to see, rather than that there are none", async () => {
    const { camilleInJean } = await caregiverOfJean(["messages:write"]);
    const documentsPage = await servePage(documents, "/espace/documents", { cookie: camilleInJean.cookie });
    expect(documentsPage.status).toBe(200);
    expect(documentsPage.html).toContain(html(t("outOfReach.documents")));
    expect(documentsPage.html).not.toContain(t("documents.empty"));
    const prescriptionsPage = await servePage(prescriptions, "/espace/ordonnances", { cookie: camilleInJean.cookie });
    expect(prescriptionsPage.status).toBe(200);
    expect(prescriptionsPage.html).toContain(html(t("outOfReach.prescriptions")));
    expect(prescriptionsPage.html).not.toContain(t("prescriptions.noneActive"));
  });
});

describe("a professional authorised, then blocked", () => {
  it("is said to be blocked, not also to see the documents, and the kept authorisation is marked as not applying", async () => {
    const { jean, lune } = await caregiverOfJean([]);
    const { POST: block } = await import("@/app/api/partage/bloquer/route");
    const request = new Request(`${appUrl()}/api/partage/bloquer`, { method: "POST", headers: { origin: appUrl(), cookie: jean.session.cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ praticien: lune }) });
    expect((await inRequestScope(request, () => block(request))).headers.get("location")).toContain("message=bloque");

    const page = (await servePage(sharing, "/espace/partage", { cookie: jean.session.cookie })).html!;
    const glance = page.slice(page.indexOf(html(t("sharing.glanceTitle"))), page.indexOf(t("sharing.authorisedTitle")));
    expect(glance.length).toBeGreaterThan(0);
    // Agreeing with her recorded gender, not « bloqué·e : il ou elle ».
    expect(glance).toContain("Dr Claire Lune est bloquée : elle ne peut rien voir de votre dossier, même en urgence.");
    expect(glance).not.toContain("Dr Claire Lune peut voir vos documents");
    expect(page).toContain(html(t("sharing.authorisedButBlocked")));
    // « Voir mon dossier comme » offers her once, not once as authorised and once as blocked.
    expect(page.split(`value="pro:${lune}"`)).toHaveLength(2);
  });
});
