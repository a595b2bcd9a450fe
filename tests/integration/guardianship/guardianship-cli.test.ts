import type { RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPatient } from "@/lib/fhir/builders/people";
import { SYSTEMS } from "@/lib/fhir/systems";
import { createAccount, findAccountByEmail } from "@/server/db/account-store";
import { database } from "@/server/db/client";
import { systemRepository } from "@/server/fhir/repository";
import { secrets } from "@/server/secrets";
import { useCommandDatabase } from "../command-database";

/**
 * `npm run guardianship:grant` and `guardianship:end` as the assistance runs them: separate
 * processes on the environment's database, their exit codes, what they print, and what they
 * wrote, read back here (the measure's effect on the portal: measure-access.test.ts).
 */
const command = useCommandDatabase("guardiancli");

const withDatabase = <T>(fn: () => Promise<T>) => command.withDatabase(fn);

const keys = () => ({ AUTH_SECRET: secrets().authSecret, STORAGE_KEY: secrets().storageKey.toString("base64") });
const grant = (args: string[]) => command.run("scripts/guardianship-grant.ts", args, keys());
const end = (args: string[]) => command.run("scripts/guardianship-end.ts", args, keys());
const DECISION = "Jugement du juge des contentieux de la protection de Lyon, 12/03/2026, RG 26/01234";

async function measuresOf(patientId: string): Promise<RelatedPerson[]> {
  const { sql } = await database();
  const rows = await sql.query<{ content: RelatedPerson }>("SELECT content FROM fhir_resource WHERE resource_type = 'RelatedPerson' AND patient_id = $1::uuid AND NOT deleted", [patientId]);
  return rows.map((row) => row.content).filter((person) => person.extension?.some((ext) => ext.url === SYSTEMS.protectionMeasure));
}

describe("npm run guardianship:grant and guardianship:end", () => {
  it("refuses a measure without an end or beyond twenty years, records one, invites a representative without an account, and ends it", async () => {
    const suffix = Date.now().toString(36);
    const adultEmail = `majeure-${suffix}@example.org`;
    const paulEmail = `paul-${suffix}@example.org`;
    const newEmail = `nouveau-${suffix}@example.org`;
    const adultId = await withDatabase(async () => {
      const system = await systemRepository("guardianship-cli");
      const adult = await system.create(aPatient({ given: "Ines", family: "Commande", birthDate: "1970-02-03" }));
      const paul = await system.create(aPatient({ given: "Paul", family: "Commande", birthDate: "1965-06-07" }));
      await createAccount({ email: adultEmail, password: "girafe nuage tournevis printemps", totpSecret: null, kind: "patient", fhirRef: `Patient/${adult.id}`, displayName: "Ines Commande" });
      await createAccount({ email: paulEmail, password: "girafe nuage tournevis printemps", totpSecret: null, kind: "patient", fhirRef: `Patient/${paul.id}`, displayName: "Paul Commande" });
      return adult.id!;
    });
    const today = parisDayOf(new Date());
    const base = ["--majeur", adultEmail, "--representant", paulEmail, "--decision", DECISION];

    const noEnd = await grant(base);
    expect(noEnd.code).toBe(1);
    expect(noEnd.stderr).toContain("Mesure refusée : la date de fin (--fin AAAA-MM-JJ) doit être un jour réel, entre aujourd'hui et vingt ans au plus. Rien n'a été enregistré.");
    const tooLong = await grant([...base, "--fin", addDaysToDay(today, 20 * 366 + 2)]);
    expect(tooLong.code).toBe(1);
    const noDecision = await grant(["--majeur", adultEmail, "--representant", paulEmail, "--fin", addDaysToDay(today, 365)]);
    expect(noDecision.stderr).toContain("Mesure refusée : indiquez la référence de la décision");
    await withDatabase(async () => expect(await measuresOf(adultId)).toEqual([]));

    const lastDay = addDaysToDay(today, 5 * 365);
    const granted = await grant([...base, "--fin", lastDay]);
    expect(granted.stderr).toBe("");
    expect(granted.code).toBe(0);
    expect(granted.stdout).toMatch(/Mesure enregistrée \(RelatedPerson\/[0-9a-f-]{36}\) : les deux personnes sont prévenues par e-mail\./);

    // A representative with no account: his record and a pending account, its code printed once.
    const invited = await grant(["--majeur", adultEmail, "--representant", newEmail, "--fin", lastDay, "--decision", DECISION, "--prenom", "Marc", "--nom", "Nouveau", "--naissance", "1960-01-02"]);
    expect(invited.code).toBe(0);
    expect(invited.stdout).toMatch(/Code d'activation du représentant \(affiché une seule fois, à lui transmettre par un canal vérifié\) : [0-9A-Z]{5}(-[0-9A-Z]{5}){3}\n/);

    await withDatabase(async () => {
      const measures = await measuresOf(adultId);
      expect(measures).toHaveLength(2);
      for (const measure of measures) {
        expect(measure.period?.end).toBe(lastDay);
        expect(measure.extension).toContainEqual({ url: SYSTEMS.protectionMeasure, valueString: DECISION });
      }
      expect((await findAccountByEmail(newEmail))?.kind).toBe("patient");
      const { sql } = await database();
      const trail = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid AND agent = 'System/protection-measure' AND interaction = 'create' AND entity LIKE 'RelatedPerson/%'", [adultId]);
      expect(trail[0]!.n).toBe(2);
    });

    const ended = await end(["--majeur", adultEmail, "--representant", paulEmail]);
    expect(ended.code).toBe(0);
    expect(ended.stdout).toContain("Mesure terminée");
    const again = await end(["--majeur", adultEmail, "--representant", paulEmail]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("aucune mesure en cours");
    await withDatabase(async () => {
      const measures = await measuresOf(adultId);
      expect(measures.map((measure) => measure.active).sort()).toEqual([false, true]);
    });
  }, 120_000);
});
