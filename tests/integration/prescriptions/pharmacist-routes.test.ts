import { randomUUID } from "node:crypto";
import type { MedicationRequest } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as deliver } from "@/app/(link)/p/[linkId]/delivrer/route";
import { POST as open } from "@/app/(link)/p/[linkId]/ouvrir/route";
import * as pharmacistPage from "@/pages/p/[linkId]/index";
import * as gonePage from "@/pages/p/[linkId]/indisponible";
import * as completedPage from "@/pages/p/[linkId]/termine";
import { listPrescriptions } from "@/server/prescriptions/list-prescriptions";
import { viewSharedPrescription } from "@/server/prescriptions/view-shared-prescription";
import { linkScope } from "@/server/sharing/link-scope";
import { openLinkSession } from "@/server/sharing/link-session";
import { listMyLinks } from "@/server/sharing/list-my-links";
import { revokeLink } from "@/server/sharing/revoke-link";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { validateForWrite } from "@/server/fhir/validate";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { anAccountFor } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { APP, cookieOf, formPost, locationOf, params, secretOf } from "./http";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  // Index the FHIR definitions before the first write: lazily, inside that write's transaction,
  // it can outlast the 5 s transaction timeout on a loaded machine.
  validateForWrite(aPatient());
  world = await buildWorld();
});

async function shareCamille(prescriptionId = world.camilleActive.prescriptionId) {
  return sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId, withPasscode: true }, APP);
}

function wrongCode(right: string): string {
  return right === "000000" ? "000001" : "000000";
}

async function openAs(linkId: string, fields: Record<string, string>, address?: string) {
  return open(formPost(`/p/${linkId}/ouvrir`, fields, { address }), params({ linkId }));
}

/** The form the pharmacist's page would draw now, as the link. */
async function drawnForm(linkId: string, cookie: string) {
  const token = cookie.split("=")[1];
  const scope = await linkScope(linkId, token, { address: "198.51.100.20" }, new Date());
  if (!scope) throw new Error("the link does not open");
  return viewSharedPrescription(scope.repo);
}

describe("the pharmacist's link, through its route handlers", () => {
  it("a wrong passcode says how many tries remain; the right one opens a session scoped to the link", async () => {
    const shared = await shareCamille();
    const key = secretOf(shared.url);
    const wrong = await openAs(shared.linkId, { cle: key, code: wrongCode(shared.passcode!), pharmacie: "Pharmacie du Parc" });
    expect(wrong.status).toBe(303);
    expect(locationOf(wrong)).toBe(`/p/${shared.linkId}?erreur=code&essais=9`);
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const right = await openAs(shared.linkId, { cle: key, code: shared.passcode!, pharmacie: "Pharmacie du Parc" });
    expect(right.status).toBe(303);
    expect(locationOf(right)).toBe(`/p/${shared.linkId}`);
    const setCookie = right.headers.get("set-cookie") ?? "";
    expect(setCookie).toContain(`Path=/p/${shared.linkId}`);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(openLinkSession(shared.linkId, cookieOf(right)!.split("=")[1], new Date())?.pharmacy).toBe("Pharmacie du Parc");
    // Nothing the server answered carries the key.
    expect(`${locationOf(right)} ${setCookie} ${locationOf(wrong)}`).not.toContain(key);
  });

  it("the wrong code that spends the last try ends on the page a dead link shows, not on the form with « 0 tries left »", async () => {
    const shared = await shareCamille();
    const key = secretOf(shared.url);
    const from = "198.51.100.31";
    for (let left = 9; left >= 1; left--) {
      const answer = await openAs(shared.linkId, { cle: key, code: wrongCode(shared.passcode!), pharmacie: "Pharmacie du Parc" }, from);
      expect(locationOf(answer)).toBe(`/p/${shared.linkId}?erreur=code&essais=${left}`);
    }
    const last = await openAs(shared.linkId, { cle: key, code: wrongCode(shared.passcode!), pharmacie: "Pharmacie du Parc" }, from);
    expect(last.status).toBe(303);
    expect(locationOf(last)).toBe(`/p/${shared.linkId}/indisponible`);
    const page = await servePage(gonePage, locationOf(last)!, { params: { linkId: shared.linkId } });
    expect(page.status).toBe(404);
    expect(page.html).toMatch(/<h1[^>]*>Ordonnance plus disponible<\/h1>/);
    expect(page.html).not.toMatch(/<form|Essais restants/);
    const mine = (await listMyLinks(await world.repoFor(world.actors.camille), world.camilleActive.prescriptionId))!.find((l) => l.id === shared.linkId)!;
    expect(mine).toMatchObject({ state: "locked", attemptsLeft: 0 });
  });

  it("refuses a post from another site, and a malformed passcode or pharmacy name changes nothing", async () => {
    const shared = await shareCamille();
    const key = secretOf(shared.url);
    const foreign = await open(formPost(`/p/${shared.linkId}/ouvrir`, { cle: key, code: shared.passcode!, pharmacie: "Pharmacie X" }, { origin: "https://evil.example" }), params({ linkId: shared.linkId }));
    expect(foreign.status).toBe(403);
    const missing = await open(formPost(`/p/${shared.linkId}/ouvrir`, { cle: key, code: shared.passcode!, pharmacie: "Pharmacie X" }, { origin: null }), params({ linkId: shared.linkId }));
    expect(missing.status).toBe(403);
    expect(locationOf(await openAs(shared.linkId, { cle: key, code: "12ab", pharmacie: "Pharmacie X" }))).toBe(`/p/${shared.linkId}?erreur=format`);
    expect(locationOf(await openAs(shared.linkId, { cle: key, code: shared.passcode!, pharmacie: " " }))).toBe(`/p/${shared.linkId}?erreur=pharmacie`);
    // The page's script did not run: no key in the body.
    expect(locationOf(await openAs(shared.linkId, { cle: "", code: shared.passcode!, pharmacie: "Pharmacie X" }))).toBe(`/p/${shared.linkId}?erreur=cle`);
    const row = await db().prisma.shareLink.findUniqueOrThrow({ where: { id: shared.linkId } });
    expect(row.attemptsLeft).toBe(10);
    expect((await open(formPost("/p/not-a-uuid/ouvrir", { cle: key }), params({ linkId: "not-a-uuid" }))).status).toBe(404);
  });

  it("records a partial dispensation the patient sees at once, once however often it is posted, then completes it and the link dies", async () => {
    const { prescriptionId } = await world.addPrescription(world.camilleId);
    const shared = await shareCamille(prescriptionId);
    const opened = await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie de la Gare" });
    const cookie = cookieOf(opened)!;
    const form = await drawnForm(shared.linkId, cookie);
    const [amox, para] = form.prescription.lines.sort((a, b) => a.medication.localeCompare(b.medication));
    const fields = {
      "cle-formulaire": form.formKey,
      etat: form.state,
      [`choix-${amox!.requestId}`]: "tout",
      [`reste-${amox!.requestId}`]: String(amox!.remainingQuantity),
      [`choix-${para!.requestId}`]: "partie",
      [`quantite-${para!.requestId}`]: "2",
    };
    const first = await deliver(formPost(`/p/${shared.linkId}/delivrer`, fields, { cookie }), params({ linkId: shared.linkId }));
    expect(locationOf(first)).toBe(`/p/${shared.linkId}?message=enregistre`);
    const again = await deliver(formPost(`/p/${shared.linkId}/delivrer`, fields, { cookie }), params({ linkId: shared.linkId }));
    expect(locationOf(again)).toBe(`/p/${shared.linkId}?message=deja`);

    const seen = (await listPrescriptions(await world.repoFor(world.actors.camille))).active.find((p) => p.id === prescriptionId)!;
    expect(seen.dispensations.map((d) => [d.medication.split(" ")[0], d.quantity, d.pharmacy]).sort()).toEqual([
      ["Amoxicilline", 14, "Pharmacie de la Gare"],
      ["Paracétamol", 2, "Pharmacie de la Gare"],
    ]);
    expect(seen.lines.find((l) => l.requestId === para!.requestId)).toMatchObject({ dispensedQuantity: 2, remainingQuantity: 2 });

    const next = await drawnForm(shared.linkId, cookie);
    expect(next.prescription.lines.filter((l) => l.remainingQuantity > 0).map((l) => l.requestId)).toEqual([para!.requestId]);
    const rest = { "cle-formulaire": next.formKey, etat: next.state, [`choix-${para!.requestId}`]: "partie", [`quantite-${para!.requestId}`]: "2" };
    const last = await deliver(formPost(`/p/${shared.linkId}/delivrer`, rest, { cookie }), params({ linkId: shared.linkId }));
    expect(locationOf(last)).toBe(`/p/${shared.linkId}/termine`);

    // Fully dispensed. The same form posted again (a double click, the back button and resend)
    // is told so within the session, not sent to ask the patient for a new link; nothing more is
    // recorded (the three dispensations below).
    const after = await deliver(formPost(`/p/${shared.linkId}/delivrer`, rest, { cookie }), params({ linkId: shared.linkId }));
    expect(locationOf(after)).toBe(`/p/${shared.linkId}/termine`);
    const completed = (await servePage(completedPage, locationOf(after)!, { params: { linkId: shared.linkId } })).html!.replaceAll("&#x27;", "'");
    expect(completed).toContain("La délivrance est enregistrée. L'ordonnance est entièrement délivrée");
    expect(completed).not.toContain("Demandez un nouveau lien");
    // Another form (drawn before the last post) recorded nothing, and does not say it did.
    const other = { ...rest, "cle-formulaire": randomUUID() };
    expect(locationOf(await deliver(formPost(`/p/${shared.linkId}/delivrer`, other, { cookie }), params({ linkId: shared.linkId })))).toBe(`/p/${shared.linkId}/termine?formulaire=autre`);
    // The page opened again in the session (the back button) says it too, with nothing of the prescription.
    const back = await servePage(pharmacistPage, `/p/${shared.linkId}?message=enregistre`, { cookie, params: { linkId: shared.linkId } });
    expect(back.html).toMatch(/<h1[^>]*>Ordonnance entièrement délivrée<\/h1>/);
    expect(back.html).not.toMatch(/<form|Paracétamol|Amoxicilline|Camille/);
    // Without the session, the link answers « no longer available » as any dead link.
    const stranger = await deliver(formPost(`/p/${shared.linkId}/delivrer`, rest), params({ linkId: shared.linkId }));
    expect(locationOf(stranger)).toBe(`/p/${shared.linkId}/indisponible`);
    expect((await servePage(pharmacistPage, `/p/${shared.linkId}`, { params: { linkId: shared.linkId } })).status).toBe(404);
    expect(await db().prisma.auditEvent.count({ where: { patientId: world.camilleId, interaction: "dispense", detail: { path: ["prescription"], equals: prescriptionId } } })).toBe(3);
    const reopen = await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie de la Gare" });
    expect(locationOf(reopen)).toBe(`/p/${shared.linkId}/indisponible`);
    const mine = (await listMyLinks(await world.repoFor(world.actors.camille), prescriptionId))![0]!;
    expect(mine.state).toBe("dispensed");
    expect(mine.events.filter((e) => e.kind === "dispensed")).toHaveLength(3);
    // Revoked by the patient since: « no longer available », session or not.
    await revokeLink(await world.repoFor(world.actors.camille), shared.linkId);
    expect(locationOf(await deliver(formPost(`/p/${shared.linkId}/delivrer`, rest, { cookie }), params({ linkId: shared.linkId })))).toBe(`/p/${shared.linkId}/indisponible`);
  });

  it("tells the patient of each partial dispensation once, and of the last one as the whole prescription handed over", async () => {
    const { prescriptionId } = await world.addPrescription(world.camilleId);
    // Her account, so that her notices are e-mailed too (by default, every kind).
    const account = await anAccountFor(`Patient/${world.camilleId}`, "Camille Pharmacie");
    const shared = await shareCamille(prescriptionId);
    const cookie = cookieOf(await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie du Marché" }))!;
    const notices = async () =>
      (await db().sql.query<{ kind: string }>("SELECT kind FROM notification WHERE patient_id = $1::uuid AND kind LIKE 'link-%dispensed' ORDER BY created_at", [world.camilleId])).map((n) => n.kind);
    const before = await notices();
    const partOf = async (line: "Amoxicilline" | "Paracétamol", quantity: number) => {
      const form = await drawnForm(shared.linkId, cookie);
      const chosen = form.prescription.lines.find((l) => l.medication.startsWith(line))!;
      return { "cle-formulaire": form.formKey, etat: form.state, [`choix-${chosen.requestId}`]: "partie", [`quantite-${chosen.requestId}`]: String(quantity) };
    };
    const post = (fields: Record<string, string>) => deliver(formPost(`/p/${shared.linkId}/delivrer`, fields, { cookie }), params({ linkId: shared.linkId }));

    const first = await partOf("Paracétamol", 1);
    expect(locationOf(await post(first))).toBe(`/p/${shared.linkId}?message=enregistre`);
    expect(locationOf(await post(first))).toBe(`/p/${shared.linkId}?message=deja`);
    expect((await notices()).slice(before.length)).toEqual(["link-partly-dispensed"]);
    expect(locationOf(await post(await partOf("Amoxicilline", 14)))).toBe(`/p/${shared.linkId}?message=enregistre`);
    expect((await notices()).slice(before.length)).toEqual(["link-partly-dispensed", "link-partly-dispensed"]);
    // The rest of the first fill, then the renewal: one fill at a time (the renewal's boxes with
    // the first fill's last one would be more than a month at once: dispensableAtOnce).
    expect(locationOf(await post(await partOf("Paracétamol", 3)))).toBe(`/p/${shared.linkId}?erreur=quantite`);
    expect(locationOf(await post(await partOf("Paracétamol", 1)))).toBe(`/p/${shared.linkId}?message=enregistre`);
    expect(locationOf(await post(await partOf("Paracétamol", 2)))).toBe(`/p/${shared.linkId}/termine`);
    expect((await notices()).slice(before.length)).toEqual(["link-partly-dispensed", "link-partly-dispensed", "link-partly-dispensed", "link-dispensed"]);

    const [notice] = await db().sql.query<{ link: string }>("SELECT link FROM notification WHERE patient_id = $1::uuid AND kind = 'link-partly-dispensed' LIMIT 1", [world.camilleId]);
    expect(notice!.link).toBe("/espace/ordonnances");
    // Its e-mail says that something happened, never what: no medicine, no pharmacy, no name.
    const mails = await db().sql.query<{ kind: string; text_body: string; subject: string }>(
      "SELECT o.kind, o.text_body, o.subject FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.id = $1::uuid AND o.kind LIKE '%dispensed' ORDER BY o.created_at",
      [account.id],
    );
    expect(mails.map((m) => m.kind)).toEqual(["notification-link-partly-dispensed", "notification-link-partly-dispensed", "notification-link-partly-dispensed", "notification-link-dispensed"]);
    for (const mail of mails) for (const word of ["Paracétamol", "Amoxicilline", "comprimé", "Pharmacie du Marché", "Camille"]) expect(`${mail.subject} ${mail.text_body}`).not.toContain(word);
  });

  it("hands over one fill at a time: the form offers one, and a post of the renewals with it records nothing", async () => {
    const { prescriptionId } = await world.addPrescription(world.camilleId);
    const shared = await shareCamille(prescriptionId);
    const cookie = cookieOf(await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie du Mois" }))!;
    const page = (await servePage(pharmacistPage, `/p/${shared.linkId}`, { cookie, params: { linkId: shared.linkId } })).html!.replaceAll("&#x27;", "'");
    // Paracétamol: 2 boxes a fill, one renewal (4 in all); Amoxicilline: 14 tablets, no renewal.
    expect(page).toContain("Reste à délivrer : 4 boîtes");
    expect(page).toContain("Une délivrance (2 boîtes)");
    expect(page).toContain("Une délivrance couvre au plus un mois de traitement");
    expect(page).toContain("Tout le reste (14 comprimés)");
    const form = await drawnForm(shared.linkId, cookie);
    const para = form.prescription.lines.find((l) => l.medication.startsWith("Paracétamol"))!;
    const post = (fields: Record<string, string>) => deliver(formPost(`/p/${shared.linkId}/delivrer`, { "cle-formulaire": randomUUID(), etat: form.state, ...fields }, { cookie }), params({ linkId: shared.linkId }));
    // « Tout » carrying the whole remainder (a form drawn by hand), or the four boxes typed: refused.
    for (const fields of [{ [`choix-${para.requestId}`]: "tout", [`reste-${para.requestId}`]: "4" }, { [`choix-${para.requestId}`]: "partie", [`quantite-${para.requestId}`]: "4" }]) {
      expect(locationOf(await post(fields))).toBe(`/p/${shared.linkId}?erreur=quantite`);
    }
    expect(await db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "MedicationDispense", groupId: prescriptionId } })).toBe(0);
    expect(locationOf(await post({ [`choix-${para.requestId}`]: "tout", [`reste-${para.requestId}`]: String(para.dispensableNow) }))).toBe(`/p/${shared.linkId}?message=enregistre`);
    const next = await drawnForm(shared.linkId, cookie);
    expect(next.prescription.lines.find((l) => l.requestId === para.requestId)).toMatchObject({ dispensedQuantity: 2, remainingQuantity: 2, dispensableNow: 2 });
    // The renewal stays on offer, with when the last fill went and the rule of renewals (R. 5132-14 CSP):
    // beside Paracétamol's line, not Amoxicilline's, never handed over.
    expect(page).not.toContain("Dernière délivrance");
    const after = (await servePage(pharmacistPage, `/p/${shared.linkId}`, { cookie, params: { linkId: shared.linkId } })).html!.replaceAll("&#x27;", "'").replace(/<!-- -->/g, "");
    const fieldsetOf = (medicine: string) => [...after.matchAll(/<fieldset[\s\S]*?<\/fieldset>/g)].map((m) => m[0]).find((f) => f.includes(medicine)) ?? "";
    expect(fieldsetOf("Paracétamol")).toMatch(/Dernière délivrance : le \d{1,2}(er)? \p{L}+ \d{4} à \d{2}:\d{2}\. Le renouvellement d'un médicament des listes I et II n'a lieu qu'après le délai résultant de la posologie et des quantités déjà délivrées \(article R\. 5132-14 du code de la santé publique\)\./u);
    expect(fieldsetOf("Amoxicilline")).not.toContain("Dernière délivrance");
  });

  it("refuses quantities beyond what remains, or a form with nothing chosen", async () => {
    const { prescriptionId } = await world.addPrescription(world.camilleId);
    const shared = await shareCamille(prescriptionId);
    const cookie = cookieOf(await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie Test" }))!;
    const form = await drawnForm(shared.linkId, cookie);
    const line = form.prescription.lines[0]!;
    for (const extra of [{ [`choix-${line.requestId}`]: "partie", [`quantite-${line.requestId}`]: String(line.remainingQuantity + 1) }, { [`choix-${line.requestId}`]: "partie", [`quantite-${line.requestId}`]: "-1" }, {}]) {
      const answer = await deliver(formPost(`/p/${shared.linkId}/delivrer`, { "cle-formulaire": crypto.randomUUID(), etat: form.state, ...extra }, { cookie }), params({ linkId: shared.linkId }));
      expect(locationOf(answer)).toBe(`/p/${shared.linkId}?erreur=quantite`);
    }
    const count = await db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "MedicationDispense", groupId: prescriptionId } });
    expect(count).toBe(0);
  });

  it("sends back a form where a line's typed quantity disagrees with its choice, recording none of its lines", async () => {
    const { prescriptionId } = await world.addPrescription(world.camilleId);
    const shared = await shareCamille(prescriptionId);
    const cookie = cookieOf(await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie Test" }))!;
    const form = await drawnForm(shared.linkId, cookie);
    const [first, second] = form.prescription.lines;
    // The first line given whole, the second's quantity typed but « Rien aujourd'hui » left checked.
    const fields = {
      "cle-formulaire": form.formKey,
      etat: form.state,
      [`choix-${first!.requestId}`]: "tout",
      [`reste-${first!.requestId}`]: String(first!.remainingQuantity),
      [`choix-${second!.requestId}`]: "aucun",
      [`quantite-${second!.requestId}`]: "2",
    };
    const answer = await deliver(formPost(`/p/${shared.linkId}/delivrer`, fields, { cookie }), params({ linkId: shared.linkId }));
    expect(locationOf(answer)).toBe(`/p/${shared.linkId}?erreur=choix`);
    const count = await db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "MedicationDispense", groupId: prescriptionId } });
    expect(count).toBe(0);
    // The same form, made clear, records.
    const clear = await deliver(formPost(`/p/${shared.linkId}/delivrer`, { ...fields, [`choix-${second!.requestId}`]: "partie" }, { cookie }), params({ linkId: shared.linkId }));
    expect(locationOf(clear)).toBe(`/p/${shared.linkId}?message=enregistre`);
  });

  it("a revoked link dies at once, open session included", async () => {
    const shared = await shareCamille();
    const cookie = cookieOf(await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie Test" }))!;
    const form = await drawnForm(shared.linkId, cookie);
    await revokeLink(await world.repoFor(world.actors.camille), shared.linkId);
    const line = form.prescription.lines[0]!;
    const answer = await deliver(
      formPost(`/p/${shared.linkId}/delivrer`, { "cle-formulaire": form.formKey, etat: form.state, [`choix-${line.requestId}`]: "partie", [`quantite-${line.requestId}`]: "1" }, { cookie }),
      params({ linkId: shared.linkId }),
    );
    expect(locationOf(answer)).toBe(`/p/${shared.linkId}/indisponible`);
    expect(await linkScope(shared.linkId, cookie.split("=")[1], { address: "198.51.100.20" }, new Date())).toBeUndefined();
  });

  /**
   * A link ends at the prescription's validity when it is made, but Dr Bernard shortened the
   * validity afterwards (the prescription ended two days ago): the pharmacist's page still showed
   * the form and a dispensation was recorded past the validity. The link now answers as a dead
   * one; and a line whose own validity ended, beside one still valid, is refused with nothing recorded.
   */
  it("records nothing past the prescription's validity, shortened after the link was sent, nor on a line whose own validity ended", async () => {
    const { prescriptionId } = await world.addPrescription(world.camilleId);
    const shared = await shareCamille(prescriptionId);
    const cookie = cookieOf(await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie Test" }))!;
    const form = await drawnForm(shared.linkId, cookie);
    const [first, second] = form.prescription.lines;
    const ended = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    // The prescriber's correction, written as the record system (Camille's world authorises no one).
    const prescriber = world.system;
    const shorten = async (requestId: string) => {
      const request = await prescriber.read<MedicationRequest>("MedicationRequest", requestId);
      await prescriber.update<MedicationRequest>({ ...request, dispenseRequest: { ...request.dispenseRequest, validityPeriod: { ...request.dispenseRequest?.validityPeriod, end: ended } } });
    };
    const dispensed = () => db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "MedicationDispense", groupId: prescriptionId } });
    const post = async (line: typeof first) => {
      const drawn = await drawnForm(shared.linkId, cookie).catch(() => form);
      const fields = { "cle-formulaire": randomUUID(), etat: drawn.state, [`choix-${line!.requestId}`]: "partie", [`quantite-${line!.requestId}`]: "1" };
      return locationOf(await deliver(formPost(`/p/${shared.linkId}/delivrer`, fields, { cookie }), params({ linkId: shared.linkId })));
    };

    // One line past its own validity, the other still valid: that line is refused, the other recorded.
    await shorten(first!.requestId);
    const offered = (await servePage(pharmacistPage, `/p/${shared.linkId}`, { cookie, params: { linkId: shared.linkId } })).html ?? "";
    expect(offered).toContain(`name="choix-${second!.requestId}"`);
    expect(offered).not.toContain(`name="choix-${first!.requestId}"`);
    expect(await post(first)).toBe(`/p/${shared.linkId}?erreur=quantite`);
    expect(await dispensed()).toBe(0);
    expect(await post(second)).toBe(`/p/${shared.linkId}?message=enregistre`);
    expect(await dispensed()).toBe(1);

    // The whole prescription past its validity: « no longer available », page and post alike.
    await shorten(second!.requestId);
    expect(await post(second)).toBe(`/p/${shared.linkId}/indisponible`);
    expect(await dispensed()).toBe(1);
    const page = await servePage(pharmacistPage, `/p/${shared.linkId}`, { cookie, params: { linkId: shared.linkId } });
    expect(page.status).toBe(404);
    expect(page.html).not.toMatch(/<form|Amoxicilline|Paracétamol/);
  });

  it("offers and records nothing of a line before the first day of its validity", async () => {
    const { prescriptionId, requests } = await world.addPrescription(world.camilleId);
    const [later, now] = [...requests].sort((a, b) => (a.id ?? "").localeCompare(b.id ?? ""));
    // The prescriber's line to be handed over from a later day (written as the record system).
    const from = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const stored = await world.system.read<MedicationRequest>("MedicationRequest", later!.id!);
    await world.system.update<MedicationRequest>({ ...stored, dispenseRequest: { ...stored.dispenseRequest, validityPeriod: { ...stored.dispenseRequest?.validityPeriod, start: from } } });
    const shared = await shareCamille(prescriptionId);
    const cookie = cookieOf(await openAs(shared.linkId, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie Test" }))!;
    const offered = (await servePage(pharmacistPage, `/p/${shared.linkId}`, { cookie, params: { linkId: shared.linkId } })).html ?? "";
    expect(offered).toContain(`name="choix-${now!.id}"`);
    expect(offered).not.toContain(`name="choix-${later!.id}"`);
    const form = await drawnForm(shared.linkId, cookie);
    const fields = { "cle-formulaire": form.formKey, etat: form.state, [`choix-${later!.id}`]: "partie", [`quantite-${later!.id}`]: "1" };
    expect(locationOf(await deliver(formPost(`/p/${shared.linkId}/delivrer`, fields, { cookie }), params({ linkId: shared.linkId })))).toBe(`/p/${shared.linkId}?erreur=quantite`);
    expect(await db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "MedicationDispense", groupId: prescriptionId } })).toBe(0);
  });
});
