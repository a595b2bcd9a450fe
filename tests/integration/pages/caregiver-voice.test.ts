import { describe, expect, it } from "vitest";
import { POST as revokeLink } from "@/app/api/ordonnances/[id]/liens/[linkId]/revoquer/route";
import { POST as sharePrescription } from "@/app/api/ordonnances/[id]/partager/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { aDelegation, aGuardianship, anAuthorisation } from "@/lib/fhir/builders/rules";
import { SCOPES } from "@/server/access/scopes";
import * as home from "@/pages/espace";
import * as documents from "@/pages/espace/documents";
import * as documentPage from "@/pages/espace/documents/[id]";
import * as trail from "@/pages/espace/historique";
import * as messages from "@/pages/espace/messages";
import * as prescriptions from "@/pages/espace/ordonnances";
import * as prescriptionPage from "@/pages/espace/ordonnances/[id]";
import * as printPage from "@/pages/espace/ordonnances/[id]/imprimer";
import * as shareResultPage from "@/pages/espace/ordonnances/[id]/lien";
import * as prevention from "@/pages/espace/prevention";
import * as sharing from "@/pages/espace/partage";
import * as preview from "@/pages/espace/partage/apercu";
import * as choices from "@/pages/espace/partage/historique";
import * as relatives from "@/pages/espace/proches";
import { systemRepository } from "@/server/fhir/repository";
import { inRequestScope } from "../../setup/next-headers-scope";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { appUrl, sessionOf } from "../fhir-api/http";
import { servePage, type PagesAnswer } from "./pages-route";

useTestDatabase();

/** The page's words as a person reads them: tags dropped, React's escaped apostrophes read back. */
const text = (html: string | undefined) => (html ?? "").replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/\s+/g, " ");

/**
 * What the patient's own record is called, in the words meant for her alone: as whole words, by
 * letters of any alphabet (JavaScript's \b takes « è » for a boundary, and found « mes » in « les
 * problèmes de santé »).
 */
const HER_OWN_RECORD = /(?<!\p{L})(?:votre|vos|mon|mes)(?!\p{L})/iu;

const inSixtyDays = () => addDaysToDay(parisDayOf(new Date()), 60);

/** Camille, who authorised Dr Petit, and Léa, her caregiver who may manage her sharing, in Camille's space. */
async function sharingWorld() {
  const system = await systemRepository("caregiver-voice-tests");
  const camille = await personWithAccount(system, "Camille", "Voix", "female");
  const lea = await personWithAccount(system, "Lea", "Aidante", "female");
  const petit = (await system.create(aPractitioner({ given: "Anne", family: "Petit" }))).id!;
  // Camille's own choice (the version names its writer, as the server does for her own posts).
  const authorisation = anAuthorisation({ patientId: camille.patientId, practitionerId: petit });
  await system.create({ ...authorisation, meta: { author: { reference: `Patient/${camille.patientId}`, display: "Camille Voix" } } });
  await system.create(
    aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Aidante" }, scopes: ["documents:read", "privacy:manage"], end: inSixtyDays() }),
  );
  return { camille, petit, leaInCamille: await sessionOf(lea.account, camille.patientId) };
}

describe("the sharing pages, to a caregiver who manages the patient's sharing", () => {
  it("speak of the patient, by name, and never of « votre dossier »; the patient keeps « vous »", async () => {
    const { camille, leaInCamille } = await sharingWorld();
    // Unframed: the banner above it speaks of Léa's own space (« Revenir à mon espace »), rightly.
    const hers = text((await servePage(sharing, "/espace/partage?message=urgence", { cookie: leaInCamille.cookie })).html);
    for (const words of [
      "Vous gérez pour Camille Voix qui peut voir son dossier.",
      "Le choix pour l'accès en urgence est enregistré.",
      "Dr Anne Petit peut voir les documents de Camille Voix, sauf ceux qui sont masqués et ceux dont l'accès est restreint, sans date de fin.",
      "En cas d'urgence, un médecin urgentiste peut voir les documents normaux de Camille Voix (la personne en est prévenue).",
      "Les nouveaux documents du dossier de Camille Voix ont un accès normal.",
      "Aucun choix n'est encore fait pour la recherche : les données de Camille Voix ne sont pas réutilisées sans accord.",
      "Les documents de Camille Voix, sauf ceux à accès restreint",
      "Aucun professionnel n'est bloqué pour Camille Voix.",
      "Même en urgence, personne ne peut voir le dossier de Camille Voix sans y avoir été autorisé.",
      "Refuser pour Camille Voix",
      "Voir le dossier de Camille Voix comme",
      "Historique des choix de partage de Camille Voix",
    ]) {
      expect(hers).toContain(words);
    }
    expect(hers).not.toMatch(HER_OWN_RECORD);

    const camilles = text((await servePage(sharing, "/espace/partage?message=urgence", { cookie: camille.session.cookie })).html);
    for (const words of [
      "Vous décidez qui peut voir votre dossier.",
      "Votre choix pour l'accès en urgence est enregistré.",
      "Dr Anne Petit peut voir vos documents, sauf ceux que vous avez masqués et ceux dont l'accès est restreint, sans date de fin.",
      "En cas d'urgence, un médecin urgentiste peut voir vos documents normaux (vous en êtes prévenu·e).",
      "Mes documents, sauf ceux à accès restreint",
      "Même en urgence, personne ne peut voir votre dossier sans votre autorisation.",
      "J'accepte",
      "Voir mon dossier comme",
      "Historique de vos choix",
    ]) {
      expect(camilles).toContain(words);
    }
    expect(camilles).not.toContain("Camille Voix");
  });

  it("name her in the history of her choices and in the preview", async () => {
    const { camille, petit, leaInCamille } = await sharingWorld();
    const history = text((await servePage(choices, "/espace/partage/historique", { cookie: leaInCamille.cookie })).html);
    expect(history).toContain("Historique des choix de partage de Camille Voix");
    expect(history).toContain("Dr Anne Petit a été autorisé·e par Camille Voix");
    expect(history).not.toMatch(/\bvous\b|\bvos\b/i);
    const asPetit = `/espace/partage/apercu?vue=pro:${petit}`;
    const previewed = text((await servePage(preview, asPetit, { cookie: leaInCamille.cookie })).html);
    expect(previewed).toContain("Aperçu : voici ce que Dr Anne Petit voit du dossier de Camille Voix.");
    expect(previewed).not.toMatch(HER_OWN_RECORD);

    expect(text((await servePage(choices, "/espace/partage/historique", { cookie: camille.session.cookie })).html)).toContain("Vous avez autorisé Dr Anne Petit");
    expect(text((await servePage(preview, asPetit, { cookie: camille.session.cookie })).html)).toContain("Aperçu : voici ce que Dr Anne Petit voit de votre dossier.");
  });
});

describe("the relatives page of a child's space, to the child's guardian", () => {
  it("lists the people who may act for the child, by name, with their rights about the child; her own space keeps « pour moi »", async () => {
    const system = await systemRepository("caregiver-voice-tests");
    const mum = await personWithAccount(system, "Camille", "Martin", "female");
    const nadia = await personWithAccount(system, "Nadia", "Benali", "female");
    const leo = (await system.create(aPatient({ given: "Léo", family: "Martin", gender: "male", birthDate: "2016-09-10" }))).id!;
    await system.create(aGuardianship({ patientId: leo, agentPatientId: mum.patientId, scopes: [], agentName: { given: "Camille", family: "Martin" } }));
    await system.create(aDelegation({ patientId: leo, agentPatientId: nadia.patientId, agentName: { given: "Nadia", family: "Benali" }, scopes: ["documents:read"], end: inSixtyDays() }));

    const inLeo = await servePage(relatives, "/espace/proches", { cookie: (await sessionOf(mum.account, leo)).cookie });
    const page = text(inLeo.html);
    // Up to « Les personnes pour qui j'agis », which is hers and says « j'agis » rightly.
    const leos = page.slice(0, page.indexOf("Les personnes pour qui j'agis"));
    for (const words of [
      "Qui peut agir pour Léo Martin, avec quels droits et jusqu'à quand",
      "Les personnes qui peuvent agir pour Léo Martin",
      // « Depuis le … » between: every delegation has a start from its first write (prepare-write.ts).
      "Nadia Benali (Aidant) État : Active Droits : voir ses documents Depuis le",
      "personne ne peut ainsi obtenir l'accès au dossier de Léo Martin sous pression",
      "Lien avec Léo Martin",
      "Ce que cette personne pourra faire voir ses documents ajouter des documents à son dossier",
    ]) {
      expect(leos).toContain(words);
    }
    expect(leos).not.toMatch(/\bpour moi\b|\bpour vous\b|\bLien avec vous\b/);
    expect(leos).not.toMatch(HER_OWN_RECORD);
    // Only the patient may confirm an invitation early: the guardian is not told she may.
    expect(leos).not.toContain("sauf si vous la confirmez");

    const own = text((await servePage(relatives, "/espace/proches", { cookie: mum.session.cookie })).html);
    expect(own).toContain("Choisissez qui peut agir pour vous, avec quels droits et jusqu'à quand.");
    expect(own).toContain("Les personnes qui peuvent agir pour moi");
    expect(own).toContain("Personne ne peut agir pour vous aujourd'hui.");
    expect(own).toContain("Lien avec vous");
    expect(own).toContain("Ce que cette personne pourra faire voir mes documents ajouter des documents voir mes ordonnances");
  });
});

describe("the other pages of the space, to a caregiver with every right", () => {
  it("introduce the person's documents, prescriptions, messages and history as hers, by name; the patient keeps « vos »", async () => {
    const system = await systemRepository("caregiver-voice-tests");
    const camille = await personWithAccount(system, "Camille", "Voix", "female");
    const lea = await personWithAccount(system, "Lea", "Aidante", "female");
    await system.create(aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Aidante" }, scopes: [...SCOPES], end: inSixtyDays() }));
    const leaInCamille = (await sessionOf(lea.account, camille.patientId)).cookie;
    /** Each page, served with a cookie; then what Léa reads there, and what Camille reads in her own space. */
    const pages: [string, (cookie: string) => Promise<PagesAnswer>, string, string][] = [
      ["/espace", (cookie) => servePage(home, "/espace", { cookie }), "Qui a consulté ou modifié les données de Camille Voix, et quand.", "Qui a consulté ou modifié vos données, et quand."],
      [
        "/espace/documents",
        (cookie) => servePage(documents, "/espace/documents", { cookie }),
        "Les comptes rendus, résultats, ordonnances et documents personnels de Camille Voix,",
        "Vos comptes rendus, résultats, ordonnances et documents personnels,",
      ],
      ["/espace/ordonnances", (cookie) => servePage(prescriptions, "/espace/ordonnances", { cookie }), "Les ordonnances de Camille Voix en cours puis les anciennes", "Vos ordonnances en cours puis les anciennes"],
      [
        "/espace/messages",
        (cookie) => servePage(messages, "/espace/messages", { cookie }),
        "Échangez avec les professionnels de santé autorisés à voir le dossier de Camille Voix.",
        "Échangez avec les professionnels de santé que vous avez autorisés.",
      ],
      [
        "/espace/prevention",
        (cookie) => servePage(prevention, "/espace/prevention", { cookie }),
        "Camille Voix reçoit un message quand une vaccination ou un dépistage devient à faire.",
        "Vous recevez un message quand une vaccination ou un dépistage devient à faire.",
      ],
      ["/espace/prevention", (cookie) => servePage(prevention, "/espace/prevention", { cookie }), "Le questionnaire « Mon bilan prévention » de Camille Voix", "Mon bilan prévention : le questionnaire"],
      [
        "/espace/historique",
        (cookie) => servePage(trail, "/espace/historique", { cookie }),
        "Chaque consultation, recherche ou modification du dossier de Camille Voix est enregistrée ici",
        "Chaque consultation, recherche ou modification de votre dossier est enregistrée ici",
      ],
    ];
    for (const [path, serve, hers, camilles] of pages) {
      const forLea = text((await serve(leaInCamille)).html);
      expect(forLea, path).toContain(hers);
      expect(forLea, path).not.toContain(camilles);
      expect(text((await serve(camille.session.cookie)).html), path).toContain(camilles);
    }
    // Camille authorises no one: Léa is not told to authorise someone herself, which is Camille's choice.
    const messagesForLea = text((await servePage(messages, "/espace/messages", { cookie: leaInCamille })).html);
    expect(messagesForLea).toContain("Aucun professionnel ne peut recevoir de message : aucun n'est autorisé aujourd'hui à voir le dossier de Camille Voix.");
    expect(messagesForLea).not.toContain("autorisez d'abord");
    expect(text((await servePage(messages, "/espace/messages", { cookie: camille.session.cookie })).html)).toContain("autorisez d'abord un professionnel dans « Partage et confidentialité ».");
    // A document's privacy choices: « Secret : vous seul » would tell Léa she keeps it, when a secret document is hidden from her too.
    const documentId = (await system.create(aDocument({ patientId: camille.patientId, title: "Bilan de Camille" }))).id!;
    const serveDocument = (cookie: string) => servePage(documentPage, `/espace/documents/${documentId}`, { cookie, params: { id: documentId } });
    const documentForLea = text((await serveDocument(leaInCamille)).html);
    expect(documentForLea).toContain("Secret : ni les professionnels ni les aidants de Camille Voix ne le voient");
    expect(documentForLea).toContain("Aucun professionnel ne le verra, même ceux qui sont autorisés à voir le dossier de Camille Voix.");
    expect(documentForLea).not.toContain("vous seul");
    const camillesDocument = text((await serveDocument(camille.session.cookie)).html);
    expect(camillesDocument).toContain("Secret : vous seul");
    expect(camillesDocument).toContain("Aucun professionnel ne le verra, même ceux que vous avez autorisés.");
    // The access history's groups and rows: Camille's, by name; the record is « le dossier », not « votre dossier ».
    const trailForLea = text((await servePage(trail, "/espace/historique", { cookie: leaInCamille })).html);
    expect(trailForLea).toContain("par d'autres que Camille Voix");
    expect(trailForLea).toContain("Accès par d'autres que Camille Voix");
    expect(trailForLea).toContain("Consultation : le dossier");
    expect(trailForLea).not.toMatch(HER_OWN_RECORD);
    expect(trailForLea).not.toMatch(/\bvous-même\b|d'autres que vous\b/);
    const camillesTrail = text((await servePage(trail, "/espace/historique", { cookie: camille.session.cookie })).html);
    expect(camillesTrail).toContain("Accès par d'autres que vous");
    expect(camillesTrail).toContain("Consultation : votre dossier");
  });
});

/** A form posted by a browser of the portal (same origin, its session's cookie) to a prescription's route handler. */
function postForm<P>(handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>, path: string, params: P, cookie: string, fields: Record<string, string> = {}) {
  const request = new Request(`${appUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie },
    body: new URLSearchParams(fields),
  });
  return inRequestScope(request, () => handler(request, { params: Promise.resolve(params) }));
}

describe("a prescription's link for the pharmacy, its printable page and a document's deletion, to a caregiver with every right", () => {
  /** The sentences that speak to the patient of her own pharmacy, space and documents, and the same for whoever acts for her. */
  const CAMILLES = {
    linkHint: "Le lien contient une clé secrète : ne l'envoyez qu'à votre pharmacie.",
    qrHint: "Ce code identifie l'ordonnance et renvoie vers votre espace. Il ne donne accès à rien sans vous connecter.",
    deleteHint:
      "Vous pouvez supprimer les documents ajoutés depuis votre espace, par vous ou par une personne qui agit pour vous, pas ceux des professionnels. Le fichier est alors effacé et plus personne ne peut consulter le document ; seul votre historique garde la trace qu'il a existé et quand il a été supprimé.",
  };
  const HERS = {
    linkHint: "Le lien contient une clé secrète : ne l'envoyez qu'à la pharmacie de Camille Voix.",
    qrHint: "Ce code identifie l'ordonnance et renvoie vers l'espace de Camille Voix. Il ne donne accès à rien sans se connecter.",
    deleteHint:
      "Vous pouvez supprimer les documents ajoutés depuis l'espace de Camille Voix, pas ceux des professionnels. Le fichier est alors effacé et plus personne ne peut consulter le document ; seul l'historique de Camille Voix garde la trace qu'il a existé et quand il a été supprimé.",
  };

  /**
   * What one browser reads, in the space its cookie is in: the link it creates for the pharmacy
   * (« Lien créé », through the share form's handler and its sealed cookie), the prescription's
   * page with that link, then once revoked, the printable prescription, and a document Camille
   * added herself, with its deletion.
   */
  async function pagesSeenBy(cookie: string, prescriptionId: string, documentId: string) {
    const params = { id: prescriptionId };
    const base = `/espace/ordonnances/${prescriptionId}`;
    const shared = await postForm(sharePrescription, `/api/ordonnances/${prescriptionId}/partager`, params, cookie, { code: "oui" });
    expect(shared.headers.get("location")).toBe(`${base}/lien`);
    const sealed = shared.headers.get("set-cookie")!.split(";")[0]!;
    const result = await servePage(shareResultPage, `${base}/lien`, { cookie: `${cookie}; ${sealed}`, params });
    const withLink = await servePage(prescriptionPage, base, { cookie, params });
    const linkId = /\/liens\/([0-9a-f-]{36})\/revoquer/.exec(withLink.html ?? "")?.[1];
    expect(linkId).toBeDefined();
    const revoked = await postForm(revokeLink, `/api/ordonnances/${prescriptionId}/liens/${linkId!}/revoquer`, { id: prescriptionId, linkId: linkId! }, cookie);
    expect(revoked.headers.get("location")).toBe(`${base}?message=lien-revoque`);
    return {
      result: result.html ?? "",
      withLink: text(withLink.html),
      revoked: text((await servePage(prescriptionPage, `${base}?message=lien-revoque`, { cookie, params })).html),
      printed: text((await servePage(printPage, `${base}/imprimer`, { cookie, params })).html),
      document: text((await servePage(documentPage, `/espace/documents/${documentId}`, { cookie, params: { id: documentId } })).html),
    };
  }

  it("say whose pharmacy, space and documents they are, by name; the patient reads hers as before", async () => {
    const system = await systemRepository("caregiver-voice-tests");
    const camille = await personWithAccount(system, "Camille", "Voix", "female");
    const lea = await personWithAccount(system, "Lea", "Aidante", "female");
    const prescriber = (await system.create(aPractitioner({ given: "Sophie", family: "Prescrit" }))).id!;
    await system.create(aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Aidante" }, scopes: [...SCOPES], end: inSixtyDays() }));
    const prescriptionId = newId();
    for (const line of aPrescription({ prescriptionId, patientId: camille.patientId, requesterId: prescriber, lines: [{ medication: "Amoxicilline de test", dosage: "1 par jour", quantity: { value: 1, unit: "boîte(s)" } }] })) {
      await system.create(line);
    }
    // Added by Camille herself, as her upload would be: the one a caregiver may delete too.
    const documentId = (await system.create(aDocument({ patientId: camille.patientId, title: "Bilan de Camille", author: `Patient/${camille.patientId}` }))).id!;

    const leas = await pagesSeenBy((await sessionOf(lea.account, camille.patientId)).cookie, prescriptionId, documentId);
    // « Lien créé »: the passcode and the link, and only her pharmacy, by name.
    expect(leas.result).toMatch(/data-testid="share-passcode">\d{6}</);
    expect(text(leas.result)).toContain(HERS.linkHint);
    expect(text(leas.result)).not.toMatch(HER_OWN_RECORD);
    // Creating the link and revoking it, on the prescription's page.
    expect(leas.withLink).toContain("Révoquer ce lien");
    expect(leas.revoked).toContain("Le lien a été révoqué : il ne donne plus accès à l'ordonnance.");
    for (const page of [leas.withLink, leas.revoked]) expect(page).not.toMatch(HER_OWN_RECORD);
    // The printout's code leads to Camille's space; « votre navigateur » is Léa's own, rightly.
    expect(leas.printed).toContain(HERS.qrHint);
    expect(leas.printed.replace("de votre navigateur", "")).not.toMatch(HER_OWN_RECORD);
    expect(leas.document).toContain(HERS.deleteHint);
    for (const page of [text(leas.result), leas.printed, leas.document]) for (const words of Object.values(CAMILLES)) expect(page).not.toContain(words);

    const camilles = await pagesSeenBy(camille.session.cookie, prescriptionId, documentId);
    expect(text(camilles.result)).toContain(CAMILLES.linkHint);
    expect(camilles.printed).toContain(CAMILLES.qrHint);
    expect(camilles.document).toContain(CAMILLES.deleteHint);
    for (const page of [text(camilles.result), camilles.withLink, camilles.revoked, camilles.printed, camilles.document]) expect(page).not.toContain("de Camille Voix");
  });
});
