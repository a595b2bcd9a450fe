import { beforeAll, describe, expect, it } from "vitest";
import { POST as openEmergency } from "@/app/(pro)/pro/urgence/ouvrir/route";
import { PRACTITIONERS } from "@/lib/demo/personas";
import { aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import { anImmunization } from "@/lib/fhir/builders/record";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, fhir, idsOf, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { uniqueFamilyName } from "../unique-family-name";

/**
 * Prevention is for the professionals the patient authorises: under emergency access the
 * professional's prevention tab shows no calendar (pro-prevention-page-data.ts). Found by the
 * attack round: the FHIR API still worked the calendar out for the emergency physician
 * (GET ImmunizationRecommendation?patient=), with a success row in the patient's trail. Now the
 * same 404 as for a professional the patient never let in, and a denied row; the emergency's
 * reading of the record itself is untouched.
 */
const db = useTestDatabase();
let patient = "";
let family = "";
let moreau: SignedIn;

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("recommendation-under-emergency-tests");
  family = uniqueFamilyName("Prevurg");
  patient = (await system.create(aPatient({ given: "Jean", family, birthDate: "1950-06-02" }))).id!;
  await system.create(anImmunization({ patientId: patient, date: "2020-01-15" }));
  const identity = PRACTITIONERS.moreau;
  const moreauId = (await system.create(aPractitioner({ given: identity.given, family: identity.family }))).id!;
  await system.create(aPractitionerRole({ practitionerId: moreauId, specialty: identity.specialty }));
  moreau = await signIn(`Practitioner/${moreauId}`, { name: "Dr Inès Moreau" });
}, 60_000);

describe("ImmunizationRecommendation under emergency access", () => {
  it("is refused to the emergency physician like to anyone not authorised, while she reads the record", async () => {
    const request = new Request(`${appUrl()}/pro/urgence/ouvrir`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: moreau.cookie },
      body: new URLSearchParams({ nom: family, naissance: "1950-06-02", motif: "Patient inconscient admis aux urgences" }),
    });
    expect((await inRequestScope(request, () => openEmergency(request))).headers.get("location")).toBe(`/pro/patients/${patient}`);

    expect(idsOf(await fhir("GET", `Immunization?patient=${patient}`, { cookie: moreau.cookie }))).toHaveLength(1);
    const answer = await fhir("GET", `ImmunizationRecommendation?patient=${patient}`, { cookie: moreau.cookie });
    expect(answer.status).toBe(404);
    expect(answer.text).toBe((await fhir("GET", `ImmunizationRecommendation?patient=${crypto.randomUUID()}`, { cookie: moreau.cookie })).text);
    const rows = await db().prisma.auditEvent.findMany({ where: { patientId: patient, entity: "ImmunizationRecommendation" }, select: { outcome: true } });
    expect(rows.map((row) => row.outcome)).toEqual(["denied"]);
  });
});
