import { randomUUID } from "node:crypto";
import type { Patient, RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { newTotpSecret, totpCode } from "@/server/auth/totp";
import { createAccount } from "@/server/db/account-store";
import { systemRepository } from "@/server/fhir/repository";
import { grantProtectionMeasure } from "@/server/guardianship/grant-protection-measure";
import { useTestDatabase } from "../../setup/test-database";
import { useCloseSpaceServer } from "../accounts/close-space-server";
import { signedInBrowser } from "../auth/signed-in-browser";
import { fhir, sessionOf } from "../fhir-api/http";
import { DECISION } from "./world";

/**
 * « Clôturer mon espace » (close-space.ts) by an adult under a judge's measure: her space closes
 * for everyone, her representative included (decide() refuses every actor in a closed space), and
 * the measure itself is left as the judge set it, for the assistance alone to end
 * (measure-writes.ts): closing her space is not a mainlevée, and a reopened space finds it again.
 */
const db = useTestDatabase();

const serverBase = useCloseSpaceServer();

describe("an adult under a protection measure closes her space", () => {
  it("closes it for her representative too, and leaves the measure to the assistance", async () => {
    const system = await systemRepository("measure-closure-tests");
    const person = async (given: string) => {
      const patientId = (await system.create<Patient>(aPatient({ given, family: "Cloture", birthDate: "1972-05-06" }))).id!;
      const totpSecret = newTotpSecret();
      const email = `${given.toLowerCase()}-${randomUUID()}@example.org`;
      const account = await createAccount({ email, password: "girafe nuage tournevis printemps", totpSecret, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: `${given} Cloture` });
      return { patientId, email, account, totpSecret };
    };
    const ines = await person("Ines");
    const paul = await person("Paul");
    const documentId = (await system.create(aDocument({ patientId: ines.patientId, title: "Bilan d'Ines" }))).id!;
    const granted = await grantProtectionMeasure({ adultEmail: ines.email, representativeEmail: paul.email, endDay: addDaysToDay(parisDayOf(new Date()), 90), decision: DECISION, now: new Date() });
    if (!granted.ok) throw new Error(granted.reason);
    const paulInInes = await sessionOf(paul.account, ines.patientId);
    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: paulInInes.cookie })).status).toBe(200);
    const before = (await db().sql.query<{ content: RelatedPerson }>("SELECT content FROM fhir_resource WHERE id = $1::uuid", [granted.relatedPersonId]))[0]!.content;

    const browser = await signedInBrowser(serverBase(), ines.account);
    const done = await browser.post("/compte/cloturer", { code: totpCode(ines.totpSecret, new Date()) });
    expect(done.headers.get("location")).toBe("/connexion?erreur=espace-cloture");

    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: paulInInes.cookie })).status).toBe(404);
    const after = (await db().sql.query<{ content: RelatedPerson }>("SELECT content FROM fhir_resource WHERE id = $1::uuid", [granted.relatedPersonId]))[0]!.content;
    expect(after).toEqual(before);
  });
});
