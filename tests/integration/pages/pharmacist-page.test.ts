import type { MedicationRequest, Patient } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as open } from "@/app/(link)/p/[linkId]/ouvrir/route";
import * as pharmacistPage from "@/pages/p/[linkId]/index";
import { validateForWrite } from "@/server/fhir/validate";
import { revokeLink } from "@/server/sharing/revoke-link";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { APP, cookieOf, formPost, locationOf, params, secretOf } from "../prescriptions/http";
import { buildWorld, type World } from "../prescriptions/world";
import { servePage } from "./pages-route";

const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  validateForWrite(aPatient());
  world = await buildWorld();
});

/** Camille's prescription sent to a pharmacy, opened there with its passcode: the page's link and session cookie. */
async function openedLink(prescriptionId = world.camilleActive.prescriptionId) {
  const shared = await sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId, withPasscode: true }, APP);
  const opening = () => open(formPost(`/p/${shared.linkId}/ouvrir`, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie du Parc" }), params({ linkId: shared.linkId }));
  const cookie = cookieOf(await opening());
  if (!cookie) throw new Error("the link did not open");
  return { linkId: shared.linkId, cookie, opening };
}

describe("the pharmacist's page, once the link is open", () => {
  it("shows the prescription, and commits its audit rows together, in one statement, before answering", async () => {
    const { linkId, cookie } = await openedLink();
    const answer = await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId }, address: "198.51.100.31" });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Camille");
    expect(answer.html).toContain("Paracétamol");
    // One INSERT is one transaction: its rows share their xmin; rows written one by one do not.
    const rows = await db().sql.query<{ entity: string; tx: string }>(
      "SELECT entity, xmin::text AS tx FROM audit_event WHERE patient_id = $1::uuid AND address = '198.51.100.31' ORDER BY seq",
      [world.camilleId],
    );
    expect(rows.map((row) => row.entity)).toEqual(expect.arrayContaining([`Patient/${world.camilleId}`, "MedicationRequest,MedicationDispense"]));
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
  });

  it("says the birth date as it agrees with the patient's recorded sex: « Née le », « Né le », else « Date de naissance : »", async () => {
    const { linkId, cookie } = await openedLink();
    const said = async () => (await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId }, address: "198.51.100.34" })).html!;
    const stored = await world.system.read<Patient>("Patient", world.camilleId);
    try {
      expect(await said()).toContain("Née le 14 mars 1985");
      await world.system.update<Patient>({ ...(await world.system.read<Patient>("Patient", world.camilleId)), gender: "male" });
      expect(await said()).toContain("Né le 14 mars 1985");
      await world.system.update<Patient>({ ...(await world.system.read<Patient>("Patient", world.camilleId)), gender: undefined });
      const neutral = await said();
      expect(neutral).toContain("Date de naissance : 14 mars 1985");
      expect(neutral).not.toMatch(/[Nn]é\(e\)/);
    } finally {
      await world.system.update<Patient>({ ...(await world.system.read<Patient>("Patient", world.camilleId)), gender: stored.gender });
    }
  });

  it("answers « no longer available » to a session of a revoked link, and reads nothing of the prescription", async () => {
    const { linkId, cookie } = await openedLink();
    await db().prisma.shareLink.update({ where: { id: linkId }, data: { revokedAt: new Date() } });
    const answer = await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId }, address: "198.51.100.32" });
    expect(answer.status).toBe(404);
    expect(answer.html).not.toContain("Paracétamol");
    expect(await db().sql.query("SELECT 1 FROM audit_event WHERE address = '198.51.100.32' AND interaction <> 'link-open'")).toHaveLength(0);
  });

  it("answers « no longer available » once the prescription is closed elsewhere (its lines completed), and the link no longer opens", async () => {
    const { prescriptionId, requests } = await world.addPrescription(world.camilleId, { lines: [{ medication: "Ibuprofène 400 mg", dosage: "1 comprimé si douleur", quantity: { value: 1, unit: "boîte(s)" } }] });
    const { linkId, cookie, opening } = await openedLink(prescriptionId);
    for (const request of requests) await world.system.update<MedicationRequest>({ ...request, status: "completed" });
    const answer = await servePage(pharmacistPage, `/p/${linkId}`, { cookie, params: { linkId }, address: "198.51.100.33" });
    expect(answer.status).toBe(404);
    expect(answer.html).not.toContain("Ibuprofène");
    expect(await db().sql.query("SELECT 1 FROM audit_event WHERE address = '198.51.100.33' AND interaction <> 'link-open'")).toHaveLength(0);
    expect(cookieOf(await opening())).toBeUndefined();
  });
});

describe("the pharmacist's page opened before the passcode (no session)", () => {
  async function sentLink(prescriptionId = world.camilleActive.prescriptionId) {
    const shared = await sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId, withPasscode: true }, APP);
    return { ...shared, key: secretOf(shared.url) };
  }
  const opened = (linkId: string, address: string) => servePage(pharmacistPage, `/p/${linkId}`, { params: { linkId }, address });
  const rowsFrom = async (address: string) => (await db().sql.query("SELECT 1 FROM audit_event WHERE address = $1", [address])).length;

  it("asks for the passcode while the link can open, however often it is opened, and spends nothing: the link opens afterwards", async () => {
    const { linkId, key, passcode } = await sentLink();
    for (let i = 0; i < 3; i++) {
      const page = await opened(linkId, "198.51.100.40");
      expect(page.status).toBe(200);
      expect(page.html).toContain("Code à 6 chiffres");
    }
    expect((await db().prisma.shareLink.findUniqueOrThrow({ where: { id: linkId } })).attemptsLeft).toBe(10);
    expect(await rowsFrom("198.51.100.40")).toBe(0);
    const opening = await open(formPost(`/p/${linkId}/ouvrir`, { cle: key, code: passcode!, pharmacie: "Pharmacie du Parc" }), params({ linkId }));
    expect(cookieOf(opening)).toBeDefined();
  });

  it("serves the form hidden, for the link-key script to show: without scripts it reads « needs JavaScript », not a form refused as if the link lacked its key", async () => {
    const { linkId } = await sentLink();
    const html = (await opened(linkId, "198.51.100.41")).html!.replace(/&#x27;/g, "'");
    const form = /<form[^>]*action="\/p\/[^"]+\/ouvrir"[^>]*>/.exec(html)?.[0];
    expect(form).toMatch(/\shidden(=""|\s|>)/);
    expect(html).toContain("Cette page a besoin de JavaScript pour lire la clé du lien");
  });

  it("asks a link sent without a passcode for the pharmacy's name only, and opens with it; a link with one marks its code as required", async () => {
    const shared = await sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId: world.camilleActive.prescriptionId, withPasscode: false }, APP);
    const page = await opened(shared.linkId, "198.51.100.42");
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('name="code"');
    expect(page.html).not.toContain("Code à 6 chiffres");
    expect(page.html).toContain("le patient n&#x27;a pas protégé ce lien par un code");
    expect(page.html).toContain('name="pharmacie"');
    const short = await servePage(pharmacistPage, `/p/${shared.linkId}?erreur=format`, { params: { linkId: shared.linkId }, address: "198.51.100.42" });
    expect(short.html).toContain("Saisissez le nom de la pharmacie (2 caractères au moins).");
    const opening = await open(formPost(`/p/${shared.linkId}/ouvrir`, { cle: secretOf(shared.url), pharmacie: "Pharmacie du Parc" }), params({ linkId: shared.linkId }));
    expect(cookieOf(opening)).toBeDefined();

    const protectedLink = await sentLink();
    const asked = (await opened(protectedLink.linkId, "198.51.100.42")).html!;
    expect(asked).toMatch(/<input id="field-code"[^>]*name="code"/);
    expect(asked.match(/<input id="field-code"[^>]*>/)![0]).toContain('required=""');
    expect(asked).toContain("Saisissez le code à 6 chiffres que le patient vous a donné");
  });

  it("after a wrong passcode, marks the code field invalid, reads the refusal with it and gives it the focus (no script needed)", async () => {
    const { linkId } = await sentLink();
    const html = (await servePage(pharmacistPage, `/p/${linkId}?erreur=code&essais=9`, { params: { linkId }, address: "198.51.100.43" })).html!;
    const field = html.match(/<input id="field-code"[^>]*>/)![0];
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain('aria-describedby="field-code-hint field-code-error"');
    expect(field).toContain('autofocus=""');
    expect(html).toMatch(/<p id="field-code-error"[^>]*><span class="sr-only">[^<]*<\/span>[^<]+<\/p>/);
    // The notice above says it too, without taking the focus from the field.
    expect(html.match(/<div role="alert"[^>]*>/)![0]).not.toContain("autofocus");
    // Another refusal (the pharmacy's name) leaves the code field as it was.
    const other = (await servePage(pharmacistPage, `/p/${linkId}?erreur=pharmacie`, { params: { linkId }, address: "198.51.100.43" })).html!;
    expect(other.match(/<input id="field-code"[^>]*>/)![0]).not.toContain("aria-invalid");
  });

  it("marks the field each refusal names: the pharmacy's name too short, or a code that is not six digits, not both under one notice", async () => {
    const { linkId } = await sentLink();
    const page = async (erreur: string) => (await servePage(pharmacistPage, `/p/${linkId}?erreur=${erreur}`, { params: { linkId }, address: "198.51.100.44" })).html!;
    const input = (html: string, name: string) => html.match(new RegExp(`<input id="field-${name}"[^>]*>`))![0];
    const errorText = (html: string, name: string) => html.match(new RegExp(`<p id="field-${name}-error"[^>]*><span class="sr-only">[^<]*</span>([^<]+)</p>`))?.[1]?.replaceAll("&#x27;", "'");

    const name = await page("pharmacie");
    expect(input(name, "pharmacie")).toContain('aria-invalid="true"');
    expect(input(name, "pharmacie")).toContain('aria-describedby="field-pharmacie-hint field-pharmacie-error"');
    expect(input(name, "pharmacie")).toContain('autofocus=""');
    expect(errorText(name, "pharmacie")).toBe("Saisissez le nom de la pharmacie (2 caractères au moins).");
    expect(input(name, "code")).not.toContain("aria-invalid");

    const shape = await page("format");
    expect(input(shape, "code")).toContain('aria-invalid="true"');
    expect(errorText(shape, "code")).toBe("Le code compte 6 chiffres : saisissez celui que le patient vous a donné.");
    expect(input(shape, "pharmacie")).not.toContain("aria-invalid");
  });

  it("says at once that a link revoked, expired, out of tries or fully dispensed is no longer available, and reveals nothing of the prescription", async () => {
    const revoked = await sentLink();
    await revokeLink(await world.repoFor(world.actors.camille), revoked.linkId);
    const expired = await sentLink();
    await db().prisma.shareLink.update({ where: { id: expired.linkId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const locked = await sentLink();
    await db().prisma.shareLink.update({ where: { id: locked.linkId }, data: { attemptsLeft: 0 } });
    const { prescriptionId, requests } = await world.addPrescription(world.camilleId, { lines: [{ medication: "Ibuprofène 400 mg", dosage: "1 comprimé si douleur", quantity: { value: 1, unit: "boîte(s)" } }] });
    const dispensed = await sentLink(prescriptionId);
    for (const request of requests) await world.system.update<MedicationRequest>({ ...request, status: "completed" });
    const never = { linkId: "00000000-0000-4000-8000-00000000f00d" };

    for (const [state, { linkId }] of Object.entries({ revoked, expired, locked, dispensed, never })) {
      const page = await opened(linkId, "198.51.100.41");
      expect(page.status, state).toBe(404);
      expect(page.html, state).toMatch(/<h1[^>]*>Ordonnance plus disponible<\/h1>/);
      expect(page.html, state).toContain("Demandez un nouveau lien au patient.");
      expect(page.html, state).not.toMatch(/<form|Code à 6 chiffres|Camille|Paracétamol|Ibuprofène/);
    }
    // Opening the page is no opening: no row in the patient's trail, no try counted.
    expect(await rowsFrom("198.51.100.41")).toBe(0);
    expect((await db().prisma.shareLink.findUniqueOrThrow({ where: { id: revoked.linkId } })).attemptsLeft).toBe(10);
    // The opening still refuses on its own.
    const refused = await open(formPost(`/p/${revoked.linkId}/ouvrir`, { cle: revoked.key, code: revoked.passcode!, pharmacie: "Pharmacie du Parc" }), params({ linkId: revoked.linkId }));
    expect(locationOf(refused)).toBe(`/p/${revoked.linkId}/indisponible`);
  });
});
