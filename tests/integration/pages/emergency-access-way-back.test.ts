import { beforeAll, describe, expect, it } from "vitest";
import { POST as openEmergency } from "@/app/(pro)/pro/urgence/ouvrir/route";
import { PRACTITIONERS } from "@/lib/demo/personas";
import { aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import * as proHome from "@/pages/pro/index";
import * as recordPage from "@/pages/pro/patients/[patientId]";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { uniqueFamilyName } from "../unique-family-name";
import { servePage } from "./pages-route";

/**
 * The way back to a record opened by emergency access, then its end, as the physician meets them.
 * While the access lasts, her home page leads back to the record. The patient authorises no one, so the home listed
 * nothing: once she left the record (« Retour à mes patients », the messages), only typing the
 * form again led back, which opened a second access and sent the patient a second urgent
 * notice (found walking the emergency physician's journey). Another session of hers, which
 * opened nothing, shows no such link. Once the hour is over, the record's page says the access
 * ended and when, with the way to open another, where it said « Page introuvable »; the other
 * session still gets « Page introuvable », and the home no longer offers the way back.
 */
const db = useTestDatabase();
const BIRTH = "1950-06-02";
let patientId = "";
let family = "";
let opened: SignedIn;
let other: SignedIn;

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("pro-home-emergency-link-tests");
  family = uniqueFamilyName("Retouru");
  patientId = (await system.create(aPatient({ given: "Jean", family, gender: "male", birthDate: BIRTH }))).id!;
  const practitionerId = (await system.create(aPractitioner({ given: "Inès", family: "Moreau" }))).id!;
  await system.create(aPractitionerRole({ practitionerId, specialty: PRACTITIONERS.moreau.specialty }));
  opened = await signIn(`Practitioner/${practitionerId}`, { name: "Dr Inès Moreau" });
  other = await signIn(`Practitioner/${practitionerId}`, { name: "Dr Inès Moreau" });
  const request = new Request(`${appUrl()}/pro/urgence/ouvrir`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: opened.cookie },
    body: new URLSearchParams({ nom: family, naissance: BIRTH, motif: "Patient inconscient admis aux urgences" }),
  });
  expect((await inRequestScope(request, () => openEmergency(request))).headers.get("location")).toBe(`/pro/patients/${patientId}`);
}, 60_000);

const home = async (session: SignedIn) => {
  const page = await servePage(proHome, "/pro", { cookie: session.cookie });
  expect(page.status).toBe(200);
  return page.html!;
};

describe("the professional's home while an emergency access is open", () => {
  it("says until when it lasts and links back to the record, in the session that opened it only", async () => {
    const html = await home(opened);
    expect(html).toContain("Accès en urgence en cours");
    expect(html).toMatch(/Le dossier que vous avez ouvert en urgence reste accessible jusqu(&#x27;|')à \d{2}:\d{2}\./);
    expect(html).toMatch(new RegExp(`<a href="/pro/patients/${patientId}"[^>]*>Revenir au dossier ouvert en urgence</a>`));

    expect(await home(other)).not.toContain("Revenir au dossier ouvert en urgence");
  });

  it("once the hour is over, the record's page says the access ended, in the session that opened it only", async () => {
    await db().sql.query("UPDATE auth_session SET emergency_until = now() - interval '1 minute' WHERE id = $1", [opened.sessionId]);
    const record = async (session: SignedIn) => servePage(recordPage, `/pro/patients/${patientId}`, { cookie: session.cookie, params: { patientId } });
    const ended = await record(opened);
    expect(ended.status).toBe(200);
    expect(ended.html).toContain("Accès en urgence terminé");
    expect(ended.html).toMatch(/Votre accès en urgence à ce dossier a pris fin à \d{2}:\d{2}, une heure après son ouverture\./);
    expect(ended.html).toMatch(/<a [^>]*href="\/pro\/urgence"[^>]*>Ouvrir un nouvel accès en urgence<\/a>/);
    expect(ended.html).not.toContain(family);

    const elsewhere = await record(other);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.html).toContain("Page introuvable");
    expect(await home(opened)).not.toContain("Revenir au dossier ouvert en urgence");
  });
});
