import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/documents/route";
import * as ownUpload from "@/pages/espace/documents/ajouter";
import * as proUpload from "@/pages/pro/patients/[patientId]/ajouter";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { MAX_UPLOAD_BYTES } from "@/server/documents/upload-policy";
import { useTestDatabase } from "../../setup/test-database";
import { whileTurnsTaken } from "../limits/taken-turns";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl } from "../fhir-api/http";
import { servePage } from "./pages-route";
import { twoPatientsAndTheirDoctor, uploadTypedCookie } from "./upload-world";
import { browserFormRequest } from "./browser-form-request";

useTestDatabase();

/**
 * Without JavaScript nothing checks a file's size before it is sent: a file over 20 MB (or the
 * server busy) was refused before the body was read, and the form came back empty (for a
 * professional, not even to the patient's form but to /pro). The title, kind and date, sent
 * before the file (the form puts it last), come back from the body's first bytes, as the browser
 * sends them: its size declared (refused before a byte past the head is read) or streamed
 * without one (the cap found by counting).
 */
const TITLE = "Scanner complet du genou";
const withNonce = { "x-nonce": "bm9uY2U=" };
const MB = 1024 * 1024;
const tooLarge = () => new File([new Uint8Array(MAX_UPLOAD_BYTES + MB)], "scanner.pdf", { type: "application/pdf" });
const typedCookie = uploadTypedCookie;

/** The form's fields in its order (the patient, the title, kind and date, then the file), as a browser posts it. */
async function upload(cookie: string, fields: Record<string, string>, file: File, declared: boolean): Promise<Response> {
  const request = await browserFormRequest("/api/documents", [...Object.entries(fields), ["fichier", file]], cookie, declared);
  return inRequestScope(request, () => POST(request));
}

/** The form page the refusal leads to shows what was typed, says to choose the file again, and marks the file field when the refusal is about it. */
function expectTypedBack(html: string, kind: string, day: string, fileRefused: boolean) {
  const page = html.replace(/&#x27;/g, "'");
  // The file last in the form (after the date), or the body's head holds nothing typed.
  expect(page.indexOf('id="upload-date"')).toBeLessThan(page.indexOf('id="upload-file"'));
  expect(page).toContain(`value="${TITLE}"`);
  expect(page).toContain(`<option value="${kind}" selected="">`);
  expect(page).toMatch(new RegExp(`name="date"[^>]*value="${day}"|value="${day}"[^>]*name="date"`));
  expect(page).toContain("Choisissez à nouveau le fichier");
  expect(page).toMatch(/<div id="upload-error"[^>]*role="alert"[^>]*autofocus=""/);
  const fileInput = /<input[^>]*id="upload-file"[^>]*>/.exec(page)?.[0] ?? "";
  if (fileRefused) {
    expect(fileInput).toContain('aria-invalid="true"');
    expect(fileInput).toContain('aria-describedby="upload-file-hint upload-file-again upload-error"');
    expect(page).toContain("Le fichier dépasse 20 Mo : rien n'a été ajouté. Choisissez un PDF, une image JPEG ou PNG de 20 Mo au plus ; le titre, le type et la date sont gardés.");
  } else expect(fileInput).not.toContain("aria-invalid");
}

let world: { patient: { patientId: string; session: { cookie: string } }; another: { patientId: string }; doctorCookie: string };
beforeAll(async () => {
  const { patient, another, doctor } = await twoPatientsAndTheirDoctor("Lourd", ["Lou", "Max"]);
  world = { patient, another, doctorCookie: doctor.cookie };
}, 120_000);

describe("an upload over 20 MB sent without JavaScript comes back with its title, kind and date", () => {
  it("on the patient's form, its size declared or not", async () => {
    const day = addDaysToDay(parisDayOf(new Date()), -3);
    for (const declared of [true, false]) {
      const refused = await upload(world.patient.session.cookie, { titre: TITLE, type: "imaging", date: day }, tooLarge(), declared);
      expect(refused.status).toBe(303);
      expect(refused.headers.get("location")).toBe("/espace/documents/ajouter?erreur=too-large");
      expect(typedCookie(refused)).not.toMatch(/genou|Scanner/);
      const page = await servePage(ownUpload, "/espace/documents/ajouter?erreur=too-large", { cookie: `${world.patient.session.cookie}; ${typedCookie(refused)}`, headers: withNonce });
      expectTypedBack(page.html!, "imaging", day, true);
    }
  }, 60_000);

  it("on the professional's form for that patient, not /pro, and not on another patient's", async () => {
    const day = parisDayOf(new Date());
    for (const declared of [true, false]) {
      const refused = await upload(world.doctorCookie, { patient: world.patient.patientId, titre: TITLE, type: "lab", date: day }, tooLarge(), declared);
      expect(refused.status).toBe(303);
      expect(refused.headers.get("location")).toBe(`/pro/patients/${world.patient.patientId}/ajouter?erreur=too-large`);
      const cookie = `${world.doctorCookie}; ${typedCookie(refused)}`;
      const page = await servePage(proUpload, `/pro/patients/${world.patient.patientId}/ajouter?erreur=too-large`, { cookie, params: { patientId: world.patient.patientId }, headers: withNonce });
      expectTypedBack(page.html!, "lab", day, true);
      const other = await servePage(proUpload, `/pro/patients/${world.another.patientId}/ajouter?erreur=too-large`, { cookie, params: { patientId: world.another.patientId }, headers: withNonce });
      expect(other.html).not.toContain(TITLE);
    }
  }, 60_000);

  it("the form's script still gets its JSON refusal, and no cookie", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ titre: TITLE, type: "imaging", date: parisDayOf(new Date()) })) form.append(name, value);
    form.append("fichier", tooLarge());
    const request = new Request(`${appUrl()}/api/documents`, { method: "POST", headers: { origin: appUrl(), cookie: world.patient.session.cookie, accept: "application/json" }, body: form });
    const answer = await inRequestScope(request, () => POST(request));
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({ error: "Le fichier dépasse 20 Mo : rien n'a été ajouté. Choisissez un PDF, une image JPEG ou PNG de 20 Mo au plus ; le titre, le type et la date sont gardés.", field: "file" });
    expect(typedCookie(answer)).toBe("");
  }, 60_000);
});

describe("an upload refused while the server's upload turns are taken comes back with its title, kind and date", () => {
  it("for the patient and for the professional, on their form", async () => {
    await whileTurnsTaken(200, async () => {
      const day = addDaysToDay(parisDayOf(new Date()), -1);
      // Over the turns' small-body threshold (1 MB): it waits for a turn, and none comes.
      const file = () => new File([new Uint8Array(2 * MB)], "scanner.pdf", { type: "application/pdf" });
      const own = await upload(world.patient.session.cookie, { titre: TITLE, type: "imaging", date: day }, file(), true);
      expect(own.status).toBe(303);
      expect(own.headers.get("location")).toBe("/espace/documents/ajouter?erreur=busy");
      const ownPage = await servePage(ownUpload, "/espace/documents/ajouter?erreur=busy", { cookie: `${world.patient.session.cookie}; ${typedCookie(own)}`, headers: withNonce });
      expectTypedBack(ownPage.html!, "imaging", day, false);

      const pro = await upload(world.doctorCookie, { patient: world.patient.patientId, titre: TITLE, type: "lab", date: day }, file(), false);
      expect(pro.headers.get("location")).toBe(`/pro/patients/${world.patient.patientId}/ajouter?erreur=busy`);
      const proPage = await servePage(proUpload, `/pro/patients/${world.patient.patientId}/ajouter?erreur=busy`, {
        cookie: `${world.doctorCookie}; ${typedCookie(pro)}`,
        params: { patientId: world.patient.patientId },
        headers: withNonce,
      });
      expectTypedBack(proPage.html!, "lab", day, false);
    });
  }, 60_000);
});
