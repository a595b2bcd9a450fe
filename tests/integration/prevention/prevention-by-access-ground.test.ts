import type { Bundle } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as openEmergency } from "@/app/(pro)/pro/urgence/ouvrir/route";
import { POST as authorise } from "@/app/api/partage/autoriser/route";
import { PRACTITIONERS } from "@/lib/demo/personas";
import { aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import * as recordPage from "@/pages/pro/patients/[patientId]";
import * as preventionPage from "@/pages/pro/patients/[patientId]/prevention";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, fhir, resourceOf, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { uniqueFamilyName } from "../unique-family-name";

/**
 * Prevention is for the professionals the patient authorises: one let in by an emergency access
 * alone has no calendar, on the record's tab or through the API. A professional she authorises
 * keeps it whether or not an emergency access is also open on her: the tab decided by the
 * session's emergency, and showed Dr Moreau, opening one before Jean authorised her, only « pas
 * consultable en accès d'urgence » and no prevention tab (found by today's attack round). Now the
 * page, the record's tabs and ImmunizationRecommendation all follow the access decision's ground,
 * for the three states: authorised only, emergency only, both.
 */
const db = useTestDatabase();
const BIRTH = "1950-06-02";
let jean = "";
let family = "";
let who: Record<"authorised" | "emergency" | "both", { id: string; session: SignedIn }>;

/** Break-glass on Jean, through the form's route, as the professional's browser posts it. */
async function breakGlass(session: SignedIn): Promise<void> {
  const request = new Request(`${appUrl()}/pro/urgence/ouvrir`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: session.cookie },
    body: new URLSearchParams({ nom: family, naissance: BIRTH, motif: "Patient inconscient admis aux urgences" }),
  });
  expect((await inRequestScope(request, () => openEmergency(request))).headers.get("location")).toBe(`/pro/patients/${jean}`);
}

/** Jean authorises a professional on his sharing page. */
async function jeanAuthorises(cookie: string, practitionerId: string): Promise<void> {
  const request = new Request(`${appUrl()}/api/partage/autoriser`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie },
    body: new URLSearchParams({ praticien: practitionerId, niveau: "N" }),
  });
  const answer = await inRequestScope(request, () => authorise(request));
  expect(new URL(answer.headers.get("location") ?? "/", appUrl()).searchParams.get("message")).toBe("autorise");
}

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("prevention-by-access-ground-tests");
  family = uniqueFamilyName("Prevsol");
  jean = (await system.create(aPatient({ given: "Jean", family, gender: "male", birthDate: BIRTH }))).id!;
  const jeanSession = await signIn(`Patient/${jean}`, { name: `Jean ${family}` });
  const { specialty } = PRACTITIONERS.moreau;
  const practitioner = async (given: string, familyName: string) => {
    const id = (await system.create(aPractitioner({ given, family: familyName }))).id!;
    await system.create(aPractitionerRole({ practitionerId: id, specialty }));
    return { id, session: await signIn(`Practitioner/${id}`, { name: `Dr ${given} ${familyName}` }) };
  };
  who = { authorised: await practitioner("Sophie", "Bernard"), emergency: await practitioner("Paul", "Urgent"), both: await practitioner("Inès", "Moreau") };
  await system.create(anAuthorisation({ patientId: jean, practitionerId: who.authorised.id }));
  await breakGlass(who.emergency.session);
  // Dr Moreau opens an emergency access, then Jean, once told, authorises her: both stand.
  await breakGlass(who.both.session);
  await jeanAuthorises(jeanSession.cookie, who.both.id);
}, 60_000);

const STATES = [
  { state: "authorised", calendar: true },
  { state: "both", calendar: true },
  { state: "emergency", calendar: false },
] as const;

describe("the prevention calendar follows the ground a professional is let in on", () => {
  it.each(STATES)("$state: the prevention tab (calendar $calendar)", async ({ state, calendar }) => {
    const { cookie } = who[state].session;
    const page = await servePage(preventionPage, `/pro/patients/${jean}/prevention`, { cookie, params: { patientId: jean } });
    expect(page.status).toBe(200);
    expect(page.html!.includes('data-item="RSV_OLDER"')).toBe(calendar);
    expect(page.html!.includes("La prévention n&#x27;est pas consultable en accès d&#x27;urgence")).toBe(!calendar);
    // The record's tabs offer it the same way.
    const record = await servePage(recordPage, `/pro/patients/${jean}`, { cookie, params: { patientId: jean } });
    expect(record.status).toBe(200);
    expect(record.html!.includes(`href="/pro/patients/${jean}/prevention"`)).toBe(calendar);
  });

  it.each(STATES)("$state: ImmunizationRecommendation (calendar $calendar), with its row in Jean's trail", async ({ state, calendar }) => {
    const answer = await fhir("GET", `ImmunizationRecommendation?patient=${jean}`, { cookie: who[state].session.cookie });
    expect(answer.status).toBe(calendar ? 200 : 404);
    if (calendar) expect(resourceOf<Bundle>(answer).total).toBe(1);
    const rows = await db().sql.query<{ outcome: string }>(
      "SELECT outcome FROM audit_event WHERE patient_id = $1::uuid AND entity = 'ImmunizationRecommendation' AND agent = $2",
      [jean, `Practitioner/${who[state].id}`],
    );
    expect(rows.map((row) => row.outcome)).toEqual([calendar ? "success" : "denied"]);
  });
});
