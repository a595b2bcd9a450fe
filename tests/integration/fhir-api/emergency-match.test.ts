import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as openEmergency } from "@/app/(pro)/pro/urgence/ouvrir/route";
import { checkSession } from "@/server/auth/check-session";
import { systemRepository } from "@/server/fhir/repository";
import { PRACTITIONERS } from "@/lib/demo/personas";
import { aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, signIn, warmUpValidator, type SignedIn } from "./http";

const db = useTestDatabase();

/**
 * The emergency form matches a patient by name and birth date, « exactly, accents and case
 * aside ». Names were compared on their letters a to z only: a Cyrillic (Arabic, Chinese…) name
 * came out empty, so an emergency physician who typed « . » and a birth date opened the record of
 * the one patient born that day with such a name, without knowing who; and « Петрова » opened
 * Иванова's. Such names now match only themselves, and a name without a letter matches no one.
 */
const REASON = "Patiente inconsciente admise aux urgences, recherche d'antécédents";
const BORN = "1931-02-17";
let family = "";
let anna = "";
let moreau: SignedIn;

/** Cyrillic letters only, unique to this run (the files of a run share one database). */
const cyrillic = (prefix: string) => prefix + Array.from(randomBytes(8), (byte) => String.fromCharCode(0x430 + (byte % 32))).join("");

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("emergency-match-tests");
  family = cyrillic("Иванова");
  anna = (await system.create(aPatient({ given: "Анна", family, birthDate: BORN }))).id!;
  const identity = PRACTITIONERS.moreau;
  const moreauId = (await system.create(aPractitioner({ given: identity.given, family: identity.family }))).id!;
  await system.create(aPractitionerRole({ practitionerId: moreauId, specialty: identity.specialty }));
  moreau = await signIn(`Practitioner/${moreauId}`, { name: "Dr Inès Moreau" });
}, 60_000);

async function breakGlass(fields: Record<string, string>): Promise<Response> {
  const request = new Request(`${appUrl()}/pro/urgence/ouvrir`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: moreau.cookie },
    body: new URLSearchParams({ naissance: BORN, motif: REASON, ...fields }),
  });
  return inRequestScope(request, () => openEmergency(request));
}

const openings = () => db().prisma.auditEvent.count({ where: { patientId: anna, interaction: "emergency-access", outcome: "success" } });

describe("the emergency form's match on a name in another script", () => {
  it("opens nothing for a name without a letter, or for another name in the same script", async () => {
    for (const nom of [".", "—", "12", cyrillic("Петрова")]) {
      const answer = await breakGlass({ nom });
      expect(answer.headers.get("location"), nom).toBe("/pro/urgence?erreur=refuse");
      expect((await checkSession(moreau.sessionId, new Date()))?.emergency ?? null, nom).toBeNull();
    }
    expect(await openings()).toBe(0);
  });

  it("opens the record for the name as it is written, accents and case aside", async () => {
    const answer = await breakGlass({ nom: family.toUpperCase(), prenom: "анна" });
    expect(answer.headers.get("location")).toBe(`/pro/patients/${anna}`);
    expect(await openings()).toBe(1);
  });
});
