import type { RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { t } from "@/lib/i18n/messages";
import * as home from "@/pages/espace";
import * as documents from "@/pages/espace/documents";
import * as documentPage from "@/pages/espace/documents/[id]";
import * as sharing from "@/pages/espace/partage";
import * as preview from "@/pages/espace/partage/apercu";
import * as choices from "@/pages/espace/partage/historique";
import * as relatives from "@/pages/espace/proches";
import type { Scope } from "@/server/access/scopes";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { locationOf, personWithAccount, post, postId } from "../delegations/world";
import { sessionOf } from "../fhir-api/http";
import { servePage, type PagesAnswer } from "./pages-route";

const db = useTestDatabase();

/** The page's HTML with React's escaped apostrophes read back, as a person reads it. */
const text = (html: string | undefined) => (html ?? "").replaceAll("&#x27;", "'");

/** Camille, her document, and Léa, her caregiver with the rights given, in Camille's space. */
async function world(scopes: readonly Scope[] = ["documents:read", "documents:write"]) {
  const system = await systemRepository("caregiver-views-tests");
  const camille = await personWithAccount(system, "Camille", "Vues", "female");
  const lea = await personWithAccount(system, "Lea", "Aidante", "female");
  const documentId = (await system.create(aDocument({ patientId: camille.patientId, title: "Bilan de Camille" }))).id!;
  await system.create(aDocument({ patientId: lea.patientId, title: "Radio de Lea" }));
  const tie = await system.create(
    aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Aidante" }, scopes, end: addDaysToDay(parisDayOf(new Date()), 60) }),
  );
  return { system, camille, lea, documentId, tie, leaInCamille: await sessionOf(lea.account, camille.patientId) };
}

describe("the rights of a delegation, as the caregiver reads them", () => {
  it("are about the person in the banner and on her relatives page; the patient keeps her own words", async () => {
    const { camille, lea, leaInCamille } = await world();

    const banner = text((await servePage(documents, "/espace/documents", { cookie: leaInCamille.cookie, framed: true })).html);
    expect(banner).toContain("Vous êtes dans l'espace de Camille Vues");
    expect(banner).toContain("avec ces droits : voir ses documents, ajouter des documents à son dossier.");
    expect(banner).not.toContain("voir mes documents");

    // « Les personnes pour qui j'agis » (above it, her own invitation form speaks of her own rights).
    const page = text((await servePage(relatives, "/espace/proches", { cookie: lea.session.cookie })).html);
    const hers = page.slice(page.indexOf('id="pour-eux"'));
    expect(hers).toContain("Camille Vues — vous êtes son aidante");
    expect(hers).toContain("Vos droits : voir ses documents, ajouter des documents à son dossier");
    expect(hers).not.toContain("voir mes documents");

    const camilles = text((await servePage(relatives, "/espace/proches", { cookie: camille.session.cookie })).html);
    expect(camilles).toContain("Droits : voir mes documents, ajouter des documents");
    expect(camilles).not.toContain("voir ses documents");
  });
});

describe("the rights of the people acting for the patient, on the sharing page", () => {
  it("are about the patient, by name, to a caregiver who manages her sharing; « pour vous » to the patient", async () => {
    const { camille, leaInCamille } = await world(["documents:read", "privacy:manage"]);
    const hers = text((await servePage(sharing, "/espace/partage", { cookie: leaInCamille.cookie })).html);
    expect(hers).toContain("Lea Aidante peut agir pour Camille Vues : voir ses documents, gérer ses réglages de partage (et voir qui a consulté son dossier), jusqu'au");
    expect(hers).not.toContain("Lea Aidante peut agir pour vous");
    const camilles = text((await servePage(sharing, "/espace/partage", { cookie: camille.session.cookie })).html);
    expect(camilles).toContain("Lea Aidante peut agir pour vous : voir vos documents, gérer vos réglages de partage (et voir qui a consulté votre dossier), jusqu'au");
  });
});

describe("a caregiver whose delegation was withdrawn or has ended, in a page of that space", () => {
  /** The pages of Camille's space Léa might have open or bookmarked, each served in its frame with her cookie. */
  const pages = (documentId: string): [string, (cookie: string) => Promise<PagesAnswer>][] => [
    ["/espace", (cookie) => servePage(home, "/espace", { cookie, framed: true })],
    ["/espace/documents", (cookie) => servePage(documents, "/espace/documents", { cookie, framed: true })],
    [`/espace/documents/${documentId}`, (cookie) => servePage(documentPage, `/espace/documents/${documentId}`, { cookie, params: { id: documentId }, framed: true })],
    ["/espace/partage", (cookie) => servePage(sharing, "/espace/partage", { cookie, framed: true })],
    ["/espace/proches", (cookie) => servePage(relatives, "/espace/proches", { cookie, framed: true })],
  ];

  async function expectLost(cookie: string, lea: string, documentId: string) {
    for (const [path, serve] of pages(documentId)) {
      const answer = await serve(cookie);
      const html = text(answer.html);
      expect(answer.status, path).toBe(403);
      expect(html, path).toContain(t("lostSpace.title"));
      expect(html, path).not.toContain(t("errors.notFoundTitle"));
      // Nothing of Camille (not even her name), and not Léa's own record under Camille's address.
      expect(html, path).not.toMatch(/Camille|Bilan de Camille|Radio de Lea/);
      // The ways back: her own space, or the people she acts for.
      expect(html.match(/<form [^>]*action="\/espace\/espace-actif"/g), path).toHaveLength(2);
      expect(html, path).toContain(`name="patientId" value="${lea}"`);
      expect(html, path).toContain('name="suite" value="proches"');
    }
  }

  it("says she no longer has access when it was withdrawn, names no one, and the patient sees the attempt", async () => {
    const { camille, lea, documentId, tie, leaInCamille } = await world();
    expect((await servePage(documents, "/espace/documents", { cookie: leaInCamille.cookie })).status).toBe(200);
    expect(locationOf(await postId("retirer", tie.id!, {}, camille.session.cookie)).searchParams.get("message")).toBe("retiree");

    await expectLost(leaInCamille.cookie, lea.patientId, documentId);
    // Asked of decide() as her, through the repository: each refusal is in Camille's trail.
    const denied = await db().sql.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM audit_event WHERE patient_id = $1::uuid AND agent = $2 AND entity = $3 AND outcome = 'denied'",
      [camille.patientId, `Patient/${lea.patientId}`, `Patient/${camille.patientId}`],
    );
    expect(Number(denied[0]!.n)).toBeGreaterThanOrEqual(pages(documentId).length);
  });

  it("says the same once it has ended, and takes her back to the people she acts for", async () => {
    const { system, lea, documentId, tie, leaInCamille } = await world();
    // Its last day was yesterday: it ended this morning at midnight, Paris time.
    await system.update<RelatedPerson>({ ...tie, period: { ...tie.period, end: addDaysToDay(parisDayOf(new Date()), -1) } });

    await expectLost(leaInCamille.cookie, lea.patientId, documentId);
    const back = await post("espaceActif", { patientId: lea.patientId, suite: "proches" }, leaInCamille.cookie);
    expect(back.status).toBe(303);
    expect(locationOf(back).pathname).toBe("/espace/proches");
    const hers = await servePage(relatives, "/espace/proches", { cookie: leaInCamille.cookie, framed: true });
    expect(hers.status).toBe(200);
    expect(text(hers.html)).toContain("Vous n'agissez pour personne.");
    expect(text(hers.html)).not.toContain(t("lostSpace.title"));
  });
});

describe("the sharing preview and the choices' history, for a caregiver who may not manage sharing", () => {
  it("say in words that sharing is not within her rights, as the sharing page does, rather than « Page introuvable »", async () => {
    const { leaInCamille, camille } = await world(["documents:read"]);
    const previewPath = "/espace/partage/apercu?vue=proche:00000000-0000-4000-8000-000000000001";
    for (const [path, answer] of [
      [previewPath, await servePage(preview, previewPath, { cookie: leaInCamille.cookie })],
      ["/espace/partage/historique", await servePage(choices, "/espace/partage/historique", { cookie: leaInCamille.cookie })],
    ] as const) {
      expect(answer.status, path).toBe(200);
      expect(text(answer.html), path).toContain(t("outOfReach.privacy"));
      expect(text(answer.html), path).not.toContain(t("errors.notFoundTitle"));
      expect(answer.html, path).not.toContain("<form");
    }
    // Camille's own history of choices is still hers to read.
    const own = await servePage(choices, "/espace/partage/historique", { cookie: camille.session.cookie });
    expect(own.status).toBe(200);
    expect(text(own.html)).not.toContain(t("outOfReach.privacy"));
  });
});

describe("the documents' category filter", () => {
  it("offers the patient « Mes documents » in her own space, and her caregiver « Documents personnels »", async () => {
    const { camille, leaInCamille } = await world();
    const option = /<option value="personal"[^>]*>([^<]*)<\/option>/;
    const own = await servePage(documents, "/espace/documents", { cookie: camille.session.cookie });
    expect(own.html?.match(option)?.[1]).toBe("Mes documents");
    const hers = await servePage(documents, "/espace/documents", { cookie: leaInCamille.cookie });
    expect(hers.html?.match(option)?.[1]).toBe("Documents personnels");
  });
});
