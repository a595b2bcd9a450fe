import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { systemRepository } from "@/server/fhir/repository";
import { grantProtectionMeasure } from "@/server/guardianship/grant-protection-measure";
import { warmUpValidator } from "../fhir-api/http";
import { personWithAccount } from "../delegations/world";

export const DECISION = "Jugement du juge des contentieux de la protection de Lyon, 12/03/2026, RG 26/01234";

/**
 * Ines, an adult (born 1990) with her own account and a document; Paul, who has an account, named
 * her representative by a judge's measure whose last day is `lastDayIn` days from today (Paris),
 * recorded as the assistance's command does (grant-protection-measure.ts).
 */
export async function measureWorld(label: string, lastDayIn = 30) {
  warmUpValidator();
  const system = await systemRepository(`${label}-tests`);
  const ines = await personWithAccount(system, "Ines", "Protegee", "female");
  const paul = await personWithAccount(system, "Paul", "Tuteur", "male");
  const documentId = (await system.create(aDocument({ patientId: ines.patientId, title: "Bilan sanguin d'Ines" }))).id!;
  const granted = await grantProtectionMeasure({
    adultEmail: ines.email,
    representativeEmail: paul.email,
    endDay: addDaysToDay(parisDayOf(new Date()), lastDayIn),
    decision: DECISION,
    now: new Date(),
  });
  if (!granted.ok) throw new Error(`grant refused: ${granted.reason}`);
  return { system, ines, paul, documentId, measureId: granted.relatedPersonId };
}
