import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/documents/route";
import * as ownUpload from "@/pages/espace/documents/ajouter";
import * as proUpload from "@/pages/pro/patients/[patientId]/ajouter";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { personWithAccount } from "../delegations/world";
import { appUrl, sessionOf, warmUpValidator } from "../fhir-api/http";
import { aPdf } from "../documents/world";
import { servePage } from "./pages-route";
import { twoPatientsAndTheirDoctor, uploadTypedCookie } from "./upload-world";

useTestDatabase();

/**
 * Found by an exploratory test: a file refused (?erreur=type) brought the upload form back with
 * its title, kind and date lost. They come back from a sealed cookie of the session's and the
 * record's, never from the address; the file cannot, and the page says to choose it again.
 */
const TITLE = "Scanner du genou gauche";
const withNonce = { "x-nonce": "bm9uY2U=" };
const notAPdf = () => new File([new TextEncoder().encode("MZ pas un document")], "scanner.pdf", { type: "application/pdf" });

async function upload(cookie: string, fields: Record<string, string>, file: File): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("fichier", file);
  const request = new Request(`${appUrl()}/api/documents`, { method: "POST", headers: { origin: appUrl(), cookie }, body: form });
  return inRequestScope(request, () => POST(request));
}
const typedCookie = uploadTypedCookie;

describe("an upload refused comes back with its title, kind and date", () => {
  it("on the patient's form, for this session only, the file asked for again; forgotten once a document is added", async () => {
    warmUpValidator();
    const system = await systemRepository("upload-typed-tests");
    const patient = await personWithAccount(system, "Lea", "Saisie");
    const day = addDaysToDay(parisDayOf(new Date()), -12);
    const refused = await upload(patient.session.cookie, { titre: TITLE, type: "imaging", date: day }, notAPdf());
    expect(refused.headers.get("location")).toBe("/espace/documents/ajouter?erreur=type");
    expect(refused.headers.getSetCookie().join()).toMatch(/espace-sante\.ajout-saisie=[^;]+; Path=\/espace\/documents\/ajouter; Max-Age=300; SameSite=Strict; HttpOnly/);
    expect(typedCookie(refused)).not.toContain("genou");

    const page = (await servePage(ownUpload, "/espace/documents/ajouter?erreur=type", { cookie: `${patient.session.cookie}; ${typedCookie(refused)}`, headers: withNonce })).html!.replace(/&#x27;/g, "'");
    expect(page).toContain(`value="${TITLE}"`);
    expect(page).toContain('<option value="imaging" selected="">');
    expect(page).toMatch(new RegExp(`name="date"[^>]*value="${day}"|value="${day}"[^>]*name="date"`));
    expect(page).toContain("Choisissez à nouveau le fichier");
    // The file field is the one refused: marked invalid and described by the refusal too, which
    // has the focus (no script needed); found in the browser, where neither was so.
    const fileInput = /<input[^>]*id="upload-file"[^>]*>/.exec(page)?.[0] ?? "";
    expect(fileInput).toContain('aria-describedby="upload-file-hint upload-file-again upload-error"');
    expect(fileInput).toContain('aria-invalid="true"');
    expect(page).toMatch(/<div id="upload-error"[^>]*role="alert"[^>]*autofocus=""[^>]*>Ce type de fichier n'est pas accepté/);
    expect(/<input[^>]*id="upload-title"[^>]*>/.exec(page)?.[0]).not.toContain("aria-invalid");
    // Without a refusal, or in another session holding the cookie: an empty form, and no such sentence.
    const fresh = (await servePage(ownUpload, "/espace/documents/ajouter", { cookie: `${patient.session.cookie}; ${typedCookie(refused)}`, headers: withNonce })).html!;
    expect(fresh).not.toContain(TITLE);
    expect(fresh).not.toContain("Choisissez à nouveau");
    // No field marked (the form's script names the attribute, to mark a field its refusal is about).
    expect(fresh).not.toMatch(/<(input|select)[^>]*aria-invalid/);
    expect(fresh).not.toMatch(/<div id="upload-error"[^>]*autofocus/);
    const other = await sessionOf(patient.account);
    expect((await servePage(ownUpload, "/espace/documents/ajouter?erreur=type", { cookie: `${other.cookie}; ${typedCookie(refused)}`, headers: withNonce })).html).not.toContain(TITLE);

    const pdf = new File([new Uint8Array(await aPdf(["Compte rendu"]))], "scanner.pdf", { type: "application/pdf" });
    const added = await upload(`${patient.session.cookie}; ${typedCookie(refused)}`, { titre: TITLE, type: "imaging", date: day }, pdf);
    expect(added.headers.get("location")).toMatch(/^\/espace\/documents\/[0-9a-f-]+\?message=ajoute/);
    expect(added.headers.getSetCookie().join()).toMatch(/espace-sante\.ajout-saisie=; Path=\/espace\/documents\/ajouter; Max-Age=0/);
  });

  it("on the professional's form for that patient, not on another patient's", async () => {
    const { patient, another, doctor } = await twoPatientsAndTheirDoctor("Saisie", ["Noe", "Ana"]);
    const refused = await upload(doctor.cookie, { titre: TITLE, type: "lab", date: parisDayOf(new Date()), patient: patient.patientId }, notAPdf());
    expect(refused.headers.get("location")).toBe(`/pro/patients/${patient.patientId}/ajouter?erreur=type`);
    expect(refused.headers.getSetCookie().join()).toContain(`Path=/pro/patients/${patient.patientId}/ajouter; Max-Age=300`);
    const cookie = `${doctor.cookie}; ${typedCookie(refused)}`;
    const page = (await servePage(proUpload, `/pro/patients/${patient.patientId}/ajouter?erreur=type`, { cookie, params: { patientId: patient.patientId }, headers: withNonce })).html!;
    expect(page).toContain(`value="${TITLE}"`);
    expect(page).toContain('<option value="lab" selected="">');
    expect((await servePage(proUpload, `/pro/patients/${another.patientId}/ajouter?erreur=type`, { cookie, params: { patientId: another.patientId }, headers: withNonce })).html).not.toContain(TITLE);
  });
});
