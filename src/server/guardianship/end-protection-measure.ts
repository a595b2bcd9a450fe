import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { MEASURE_PURPOSE } from "../access/measure-writes";
import { findAccountByEmail } from "../db/account-store";
import { inPrisma } from "../db/queryable";
import { createRepository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { tellRepresentative } from "./tell-representative";
import { patientOfAccount, storedMeasure } from "./grant-protection-measure";

/**
 * `npm run guardianship:end`: the judge ended the measure before its last day (mainlevée, Code
 * civil art. 442 al. 3: « Le juge peut, à tout moment, mettre fin à la mesure »), and the
 * assistance, having read that decision, records it. The measure's RelatedPerson becomes
 * inactive (a new version, kept in the adult's record and trail): rules.ts reads it as ended, so
 * the representative's very next request in her space is refused and says his access ended
 * (lost-space.ts). Both people are told, as at the grant. Written as the system under
 * MEASURE_PURPOSE, the only actor allowed to (measure-writes.ts).
 */
export type EndInput = { adultEmail: string; representativeEmail: string; now: Date };
export type EndResult = { ok: true; relatedPersonId: string } | { ok: false; reason: "adult-unknown" | "representative-unknown" | "no-measure" };

export async function endProtectionMeasure(input: EndInput): Promise<EndResult> {
  const system = await createRepository({ kind: "system", purpose: MEASURE_PURPOSE });
  const adult = await patientOfAccount(system, input.adultEmail);
  if (!adult?.id) return { ok: false, reason: "adult-unknown" };
  const account = await findAccountByEmail(input.representativeEmail);
  const representativeId = account?.kind === "patient" && account.fhirRef.startsWith("Patient/") ? account.fhirRef.slice("Patient/".length) : undefined;
  if (!representativeId) return { ok: false, reason: "representative-unknown" };
  const stored = await storedMeasure(system, adult, representativeId);
  if (!stored?.id) return { ok: false, reason: "no-measure" };
  await system.transaction(async ({ tx, update }) => {
    const written = await update<RelatedPerson>({ ...stored, active: false }, { ifMatch: stored.meta?.versionId ?? "" });
    const db = inPrisma(tx);
    const key = `protection-measure-ended:${written.id}:${written.meta?.versionId ?? ""}`;
    await notify(db, { patientId: adult.id!, kind: "protection-measure-ended", dedupeKey: `${key}:adult`, email: "always" });
    await tellRepresentative(db, representativeId, "protection-measure-ended", `${key}:representative`);
  });
  return { ok: true, relatedPersonId: stored.id };
}
