import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import type { ConsentRule } from "@/lib/fhir/systems";
import type { Repository } from "../fhir/repository";
import { activeConsents } from "./active-consents";
import { privacySpace } from "./privacy-space";

/**
 * The choices a patient makes once for the whole record (emergency access, research, the level
 * of new documents) are one Consent each: a change is a new version of it, so the history says
 * what was chosen when. Choosing what is already chosen writes nothing.
 */
export async function setChoice(
  repo: Repository,
  rule: Extract<ConsentRule, "emergency" | "research" | "default-level">,
  build: (patientId: string, dateTime: string) => Consent,
): Promise<boolean> {
  const patientId = await privacySpace(repo);
  const dateTime = repo.now().toISOString();
  const wanted = build(patientId, dateTime);
  const current = (await activeConsents(repo, patientId, rule)).sort((a, b) => (b.dateTime ?? "").localeCompare(a.dateTime ?? ""));
  const [latest, ...older] = current;
  // Older ones are from before one Consent per choice; rulesFromResources reads the latest anyway.
  for (const consent of older) await repo.update<Consent>({ ...consent, status: "inactive" }, { ifMatch: consent.meta?.versionId });
  if (!latest) {
    await repo.create<Consent>(wanted);
    return true;
  }
  if (sameProvision(latest, wanted)) return older.length > 0;
  await repo.update<Consent>({ ...latest, dateTime, policyRule: wanted.policyRule, provision: wanted.provision }, { ifMatch: latest.meta?.versionId });
  return true;
}

function sameProvision(a: Consent, b: Consent): boolean {
  const codes = (consent: Consent) => (consent.provision?.securityLabel ?? []).map((label) => label.code).sort().join(",");
  return a.provision?.type === b.provision?.type && codes(a) === codes(b);
}
