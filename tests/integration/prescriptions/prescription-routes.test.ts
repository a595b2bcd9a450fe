import { PDFDocument, PDFName, PDFDict, PDFRawStream } from "pdf-lib";
import { extractText } from "unpdf";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as revoke } from "@/app/api/ordonnances/[id]/liens/[linkId]/revoquer/route";
import { POST as share } from "@/app/api/ordonnances/[id]/partager/route";
import { GET as pdf } from "@/app/api/ordonnances/[id]/pdf/route";
import type { Actor } from "@/server/access/actor";
import type { CurrentSession } from "@/server/auth/check-session";
import { optionalRequestScope, type RequestScope } from "@/server/documents/request-repository";
import { hashSecret } from "@/server/sharing/link-secret";
import { openShareResult, shareResultCookie } from "@/server/sharing/share-result-cookie";
import { validateForWrite } from "@/server/fhir/validate";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { newId } from "@/lib/fhir/builders/ids";
import { useTestDatabase } from "../../setup/test-database";
import { fontsOf } from "../../helpers/pdf-fonts";
import { readTaggedPdf } from "../../helpers/read-tagged-pdf";
import { APP, cookieOf, formPost, get, locationOf, params, secretOf } from "./http";
import { buildWorld, type World } from "./world";

/**
 * The patient's route handlers called with real Requests on the real database. Only the
 * session lookup is replaced (it reads Next's request cookies): each test says whose session
 * the request carries, as the sign-in would have established it.
 */
vi.mock("@/server/documents/request-repository", () => ({ optionalRequestScope: vi.fn(), requirePageScope: vi.fn() }));

const db = useTestDatabase();
let world: World;
let current: RequestScope | undefined;
beforeAll(async () => {
  // Index the FHIR definitions before the first write: lazily, inside that write's transaction,
  // it can outlast the 5 s transaction timeout on a loaded machine.
  validateForWrite(aPatient());
  world = await buildWorld();
});
beforeEach(() => {
  current = undefined;
  vi.mocked(optionalRequestScope).mockImplementation(async () => current);
});

async function signedInAs(actor: Actor, name: string): Promise<RequestScope> {
  const session: CurrentSession = {
    sessionId: crypto.randomUUID(),
    account: { id: actor.kind === "patient" || actor.kind === "delegate" ? actor.accountId : "", kind: "patient", fhirRef: "", displayName: name },
    activeSpace: null,
    emergency: null,
  };
  current = { session, actor, repo: await world.repoFor(actor, name), ctx: { agentName: name } };
  return current;
}

const shareRequest = (id: string, fields: Record<string, string>, origin?: string | null) => share(formPost(`/api/ordonnances/${id}/partager`, fields, { origin }), params({ id }));

describe("send to a pharmacy (POST /api/ordonnances/<id>/partager)", () => {
  it("creates the link and shows it through a sealed cookie for this session and page: the key is in no URL", async () => {
    const scope = await signedInAs(world.actors.camille, "Camille Martin");
    const id = world.camilleActive.prescriptionId;
    const answer = await shareRequest(id, { code: "oui" });
    expect(answer.status).toBe(303);
    expect(locationOf(answer)).toBe(`/espace/ordonnances/${id}/lien`);
    const setCookie = answer.headers.get("set-cookie") ?? "";
    expect(setCookie).toContain(`Path=/espace/ordonnances/${id}/lien`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Max-Age=600/);

    const token = cookieOf(answer)!.slice(shareResultCookie(id, false).name.length + 1);
    const result = openShareResult(token, scope.session.sessionId, id)!;
    expect(result.passcode).toMatch(/^\d{6}$/);
    const key = secretOf(result.url);
    expect(setCookie).not.toContain(key);
    expect(locationOf(answer)).not.toContain(key);
    const row = await db().prisma.shareLink.findUniqueOrThrow({ where: { id: result.linkId } });
    expect(row.secretHash).toBe(hashSecret(key));
    // Another session (or another page) cannot open it.
    expect(openShareResult(token, crypto.randomUUID(), id)).toBeUndefined();
    expect(openShareResult(token, scope.session.sessionId, world.camilleOld.prescriptionId)).toBeUndefined();
  });

  it("without the box ticked the link has no passcode; an end date in the past or unreadable is refused with a message", async () => {
    await signedInAs(world.actors.camille, "Camille Martin");
    const id = world.camilleActive.prescriptionId;
    const before = await db().prisma.shareLink.count({ where: { prescriptionId: id } });
    expect(locationOf(await shareRequest(id, { code: "oui", fin: "2001-01-01" }))).toBe(`/espace/ordonnances/${id}?message=date`);
    expect(locationOf(await shareRequest(id, { code: "oui", fin: "demain" }))).toBe(`/espace/ordonnances/${id}?message=date`);
    expect(await db().prisma.shareLink.count({ where: { prescriptionId: id } })).toBe(before);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await shareRequest(id, { fin: tomorrow });
    const row = await db().prisma.shareLink.findFirstOrThrow({ where: { prescriptionId: id }, orderBy: { createdAt: "desc" } });
    expect(row.passcodeHash).toBeNull();
    expect(row.expiresAt.toISOString().slice(0, 10)).toBe(tomorrow);
  });

  it("a past prescription cannot be sent; another patient's is a 404; no session is a 401; another site is a 403", async () => {
    await signedInAs(world.actors.camille, "Camille Martin");
    expect(locationOf(await shareRequest(world.camilleOld.prescriptionId, { code: "oui" }))).toBe(`/espace/ordonnances/${world.camilleOld.prescriptionId}?message=etat`);
    expect((await shareRequest(world.jeanActive.prescriptionId, { code: "oui" })).status).toBe(404);
    expect((await shareRequest(world.camilleActive.prescriptionId, { code: "oui" }, "https://evil.example")).status).toBe(403);
    current = undefined;
    expect((await shareRequest(world.camilleActive.prescriptionId, { code: "oui" })).status).toBe(401);
  });

  it("a caregiver without the sharing scope is told so; with it, Jean's trail names her", async () => {
    await signedInAs(world.actors.nadiaForJean, "Nadia Benali");
    const id = world.jeanActive.prescriptionId;
    expect(locationOf(await shareRequest(id, { code: "oui" }))).toBe(`/espace/ordonnances/${id}?message=interdit`);
    await signedInAs(world.actors.camilleForJean, "Camille Martin");
    expect(locationOf(await shareRequest(id, { code: "oui" }))).toBe(`/espace/ordonnances/${id}/lien`);
    const rows = await db().prisma.auditEvent.findMany({ where: { patientId: world.jeanId, interaction: "share", outcome: "success" } });
    expect(rows.at(-1)).toMatchObject({ agent: `Patient/${world.camilleId}`, onBehalfOf: `Patient/${world.jeanId}`, agentName: "Camille Martin" });
  });
});

describe("revoking a link (POST /api/ordonnances/<id>/liens/<link>/revoquer)", () => {
  it("revokes the space's own link; another patient's link is a 404 and stays alive", async () => {
    await signedInAs(world.actors.jean, "Jean Martin");
    const jeans = await shareRequest(world.jeanActive.prescriptionId, { code: "oui" });
    const jeanLink = (await db().prisma.shareLink.findFirstOrThrow({ where: { patientId: world.jeanId }, orderBy: { createdAt: "desc" } })).id;
    expect(jeans.status).toBe(303);

    await signedInAs(world.actors.camille, "Camille Martin");
    const foreign = await revoke(formPost(`/api/ordonnances/x/liens/${jeanLink}/revoquer`, {}), params({ id: world.camilleActive.prescriptionId, linkId: jeanLink }));
    expect(foreign.status).toBe(404);
    expect((await db().prisma.shareLink.findUniqueOrThrow({ where: { id: jeanLink } })).revokedAt).toBeNull();

    await shareRequest(world.camilleActive.prescriptionId, { code: "oui" });
    const mine = (await db().prisma.shareLink.findFirstOrThrow({ where: { patientId: world.camilleId }, orderBy: { createdAt: "desc" } })).id;
    const id = world.camilleActive.prescriptionId;
    const answer = await revoke(formPost(`/api/ordonnances/${id}/liens/${mine}/revoquer`, {}), params({ id, linkId: mine }));
    expect(locationOf(answer)).toBe(`/espace/ordonnances/${id}?message=lien-revoque`);
    expect((await db().prisma.shareLink.findUniqueOrThrow({ where: { id: mine } })).revokedAt).not.toBeNull();
  });
});

describe("the PDF of a prescription (GET /api/ordonnances/<id>/pdf)", () => {
  it("is a PDF carrying the QR code image; another patient's is a 404", async () => {
    await signedInAs(world.actors.camille, "Camille Martin");
    const id = world.camilleActive.prescriptionId;
    const answer = await pdf(get(`/api/ordonnances/${id}/pdf`), params({ id }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="ordonnance-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const bytes = new Uint8Array(await answer.arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    const images = doc.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && (object.dict as PDFDict).get(PDFName.of("Subtype")) === PDFName.of("Image"));
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toContain("Camille Martin");

    expect((await pdf(get(`/api/ordonnances/${world.jeanActive.prescriptionId}/pdf`), params({ id: world.jeanActive.prescriptionId }))).status).toBe(404);
    current = undefined;
    expect((await pdf(get(`/api/ordonnances/${id}/pdf`), params({ id }))).status).toBe(401);
  });

  it("is tagged for a screen reader: French, its title in the window, headings, the medicines as a list in reading order, the QR code described", async () => {
    await signedInAs(world.actors.camille, "Camille Martin");
    const id = world.camilleActive.prescriptionId;
    const answer = await pdf(get(`/api/ordonnances/${id}/pdf`), params({ id }));
    const tagged = await readTaggedPdf(new Uint8Array(await answer.arrayBuffer()));
    expect(tagged).toMatchObject({ lang: "fr-FR", marked: true, displayDocTitle: true, hasStructTreeRoot: true, hasParentTree: true, untaggedText: [] });
    const read = tagged.elements.map(({ path, text }) => `${path}: ${text}`);
    expect(read.slice(0, 6)).toEqual([
      "Document/H1: ORDONNANCE",
      "Document/P: Dr Sophie Bernard",
      expect.stringMatching(/^Document\/P: Le \d{1,2}(?:er)? \S+ \d{4}$/),
      "Document/P: Patient : Camille Martin, née le 14 mars 1985",
      expect.stringMatching(/^Document\/P: Valable jusqu'au \d{1,2}(?:er)? \S+ \d{4}$/),
      "Document/Figure: ",
    ]);
    // Then one list item per medicine (in the order written, as the page), its name, dosage and quantities together.
    const medicines = read.slice(6);
    expect(medicines).toEqual([
      "Document/L/LI/LBody/P: Amoxicilline 1 g, comprimé",
      "Document/L/LI/LBody/P: 1 comprimé matin et soir pendant 7 jours",
      "Document/L/LI/LBody/P: 14 comprimés par délivrance - renouvellements restants : 0 - délivré : 0 sur 14",
      "Document/L/LI/LBody/P: Paracétamol 1 g, comprimé",
      "Document/L/LI/LBody/P: 1 comprimé jusqu'à 3 fois par jour si douleur",
      "Document/L/LI/LBody/P: 2 boîtes par délivrance - renouvellements restants : 1 - délivré : 0 sur 4",
    ]);
    expect(tagged.elements.find((element) => element.role === "Figure")?.alt).toBe(`QR code de cette ordonnance, vers son adresse dans l'espace santé : ${APP}/espace/ordonnances/${id}`);
    // A text extraction (the search box's, a copy and paste) still gives the content.
    expect(tagged.text).toContain("Amoxicilline 1 g, comprimé");
    expect(tagged.text).toContain("Patient : Camille Martin");

    await signedInAs(world.actors.camille, "Camille Martin");
    const dispensed = world.camilleDispensed.prescriptionId;
    const withDispensations = await readTaggedPdf(new Uint8Array(await (await pdf(get(`/api/ordonnances/${dispensed}/pdf`), params({ id: dispensed }))).arrayBuffer()));
    expect(withDispensations.elements.slice(-2).map(({ path }) => path)).toEqual(["Document/H2", "Document/L/LI/LBody"]);
    expect(withDispensations.elements.at(-2)?.text).toBe("Délivrances");
    expect(withDispensations.elements.at(-1)?.text).toMatch(/Pharmacie non renseignée - Amoxicilline 1 g, comprimé : 14 comprimés$/);
  });

  it("prints the names of a patient and a prescriber written outside Windows-1252 as they are, in embedded fonts", async () => {
    const prescriber = await world.system.create(aPractitioner({ given: "Ayşe", family: "Yılmaz" }));
    const patientId = (await world.system.create(aPatient({ given: "Łukasz", family: "Wójcik", gender: "male", birthDate: "1985-03-14" }))).id!;
    const id = newId();
    const lines = [{ medication: "Amoxicilline 1 g, comprimé", dosage: "1 comprimé matin et soir, avis du Dr Ștefan Nguyễn", quantity: { value: 14, unit: "comprimé(s)" } }];
    for (const line of aPrescription({ prescriptionId: id, patientId, requesterId: prescriber.id!, lines })) await world.system.create(line);
    await signedInAs({ kind: "patient", accountId: newId(), patientId }, "Łukasz Wójcik");

    const answer = await pdf(get(`/api/ordonnances/${id}/pdf`), params({ id }));
    expect(answer.status).toBe(200);
    const bytes = new Uint8Array(await answer.arrayBuffer());
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
    expect(text).toContain("Dr Ayşe Yılmaz");
    expect(text).toContain("Patient : Łukasz Wójcik, né le 14 mars 1985");
    expect(text).toContain("1 comprimé matin et soir, avis du Dr Ștefan Nguyễn");
    expect(text).not.toContain("?");
    // The structure a screen reader follows is unchanged.
    const read = (await readTaggedPdf(bytes)).elements.map(({ path, text: content }) => `${path}: ${content}`);
    expect(read.slice(0, 2)).toEqual(["Document/H1: ORDONNANCE", "Document/P: Dr Ayşe Yılmaz"]);
    expect(read).toContain("Document/P: Patient : Łukasz Wójcik, né le 14 mars 1985");
    expect(read).toContain("Document/L/LI/LBody/P: 1 comprimé matin et soir, avis du Dr Ștefan Nguyễn");
    // Every font it draws with is in the file: the regular and the bold cut, each a subset.
    const fonts = await fontsOf(bytes);
    expect(fonts.map(({ name }) => name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(["Arimo-Bold", "Arimo-Regular"]);
    for (const font of fonts) {
      expect(font.fontFile).toBe("FontFile2");
      expect(font.fileBytes).toBeLessThan(12_000);
    }
  });
});
