import type { Patient } from "@medplum/fhirtypes";
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as openEmergency } from "@/app/(pro)/pro/urgence/ouvrir/route";
import { PRACTITIONERS } from "@/lib/demo/personas";
import { SYSTEMS } from "@/lib/fhir/systems";
import { aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import { systemRepository, type Repository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { uniqueFamilyName } from "../unique-family-name";
import { appUrl, fhir, resourceOf, sameOrigin, signIn, warmUpValidator, type SignedIn } from "./http";

useTestDatabase();

/**
 * A patient's identity, as the emergency search finds it (the INS, or the name and birth date:
 * emergency-match.ts), is not the patient's to rewrite through the FHIR API. Nadia gave her own
 * record Camille's INS, then her name and birth date: the emergency physician's search for
 * Camille found two people and was refused as ambiguous, so Camille, unconscious, could not be
 * looked up (found by the attack helper against the running portal). The INS and its traits
 * come from the national teleservice INSi, not from the person (ARS Occitanie, « Identité
 * nationale de santé (INS) », https://www.occitanie.ars.sante.fr/identite-nationale-de-sante-ins:
 * the matricule and five strict traits, birth name, first given names, birth date, sex and birth
 * place). Other details (address, telecom…) stay the patient's to change.
 */
const REASON = "Patiente inconsciente admise aux urgences, recherche d'antécédents";
let system: Repository;
let camille = "";
let nadia = "";
let family = "";
let ins = "";
let nadiaSession: SignedIn;
let moreau: SignedIn;

beforeAll(async () => {
  warmUpValidator();
  system = await systemRepository("patient-identity-tests");
  family = uniqueFamilyName("Identite");
  ins = `2${String(randomInt(10 ** 13, 10 ** 14))}`;
  camille = (await system.create(aPatient({ given: "Camille", family, birthDate: "1985-03-14", ins }))).id!;
  nadia = (await system.create(aPatient({ given: "Nadia", family: uniqueFamilyName("Benali"), birthDate: "1992-11-25", ins: `1${String(randomInt(10 ** 13, 10 ** 14))}` }))).id!;
  const identity = PRACTITIONERS.moreau;
  const moreauId = (await system.create(aPractitioner({ given: identity.given, family: identity.family }))).id!;
  await system.create(aPractitionerRole({ practitionerId: moreauId, specialty: identity.specialty }));
  nadiaSession = await signIn(`Patient/${nadia}`, { name: "Nadia Benali" });
  moreau = await signIn(`Practitioner/${moreauId}`, { name: "Dr Inès Moreau" });
}, 60_000);

async function breakGlass(fields: Record<string, string>): Promise<string> {
  const request = new Request(`${appUrl()}/pro/urgence/ouvrir`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: moreau.cookie },
    body: new URLSearchParams({ ...fields, motif: REASON }),
  });
  const answer = await inRequestScope(request, () => openEmergency(request));
  return new URL(answer.headers.get("location") ?? "/", appUrl()).pathname;
}

async function putOwn(change: (stored: Patient) => Patient) {
  const stored = resourceOf<Patient>(await fhir("GET", `Patient/${nadia}`, { cookie: nadiaSession.cookie }));
  return fhir("PUT", `Patient/${nadia}`, { cookie: nadiaSession.cookie, body: change(stored), headers: sameOrigin({ "if-match": `W/"${stored.meta?.versionId}"` }) });
}

describe("a patient's identity is the record system's", () => {
  it("refuses another person's INS, name or birth date on one's own record, and the emergency search still finds that person", async () => {
    const tookIns = await putOwn((stored) => ({ ...stored, identifier: [{ use: "official", system: SYSTEMS.ins, value: ins }] }));
    expect(tookIns.status).toBe(403);
    const tookName = await putOwn((stored) => ({ ...stored, name: [{ use: "official", family, given: ["Camille"] }], birthDate: "1985-03-14" }));
    expect(tookName.status).toBe(403);
    const tookActive = await putOwn((stored) => ({ ...stored, active: false }));
    expect(tookActive.status).toBe(403);
    const kept = await system.read<Patient>("Patient", nadia);
    expect(kept.birthDate).toBe("1992-11-25");
    expect(kept.identifier?.find((id) => id.system === SYSTEMS.ins)?.value).not.toBe(ins);

    expect(await breakGlass({ ins })).toBe(`/pro/patients/${camille}`);
    expect(await breakGlass({ nom: family, prenom: "Camille", naissance: "1985-03-14" })).toBe(`/pro/patients/${camille}`);
  });

  it("still lets the patient change her address", async () => {
    const moved = await putOwn((stored) => ({ ...stored, address: [{ use: "home", line: ["1 place Bellecour"], postalCode: "69002", city: "Lyon", country: "FR" }] }));
    expect(moved.status, moved.text).toBe(200);
    expect((await system.read<Patient>("Patient", nadia)).address?.[0]?.line).toEqual(["1 place Bellecour"]);
  });
});
