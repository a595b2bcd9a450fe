import "@/server/server-only";
import type { Consent } from "@medplum/fhirtypes";
import type { ConsentRule } from "@/lib/fhir/systems";
import type { Repository, TransactionScope } from "../fhir/repository";
import { activeConsents } from "./active-consents";
import { privacySpace } from "./privacy-space";

/**
 * The choices a patient makes once for the whole record (emergency access, research, the level
 * of new documents) are one Consent each: a change is a new version of it, so the history says
 * what was chosen when. Choosing what is already chosen writes nothing. `alongside` runs in the
 * same transaction as the change (always, even when nothing changed): what else the choice ends.
 */
export async function setChoice(
  repo: Repository,
  rule: Extract<ConsentRule, "emergency" | "research" | "default-level">,
  build: (patientId: string, dateTime: string) => Consent,
  alongside?: (tx: TransactionScope["tx"], patientId: string) => Promise<unknown>,
): Promise<boolean> {
  const patientId = await privacySpace(repo);
  const dateTime = repo.now().toISOString();
  const wanted = build(patientId, dateTime);
  const current = (await activeConsents(repo, patientId, rule)).sort((a, b) => (b.dateTime ?? "").localeCompare(a.dateTime ?? ""));
  const [latest, ...older] = current;
  return repo.transaction(async (scope) => {
    // Older ones are from before one Consent per choice; rulesFromResources reads the latest anyway.
    for (const consent of older) await scope.update<Consent>({ ...consent, status: "inactive" }, { ifMatch: consent.meta?.versionId });
    let changed = true;
    if (!latest) await scope.create<Consent>(wanted);
    else if (sameProvision(latest, wanted)) changed = older.length > 0;
    else await scope.update<Consent>({ ...latest, dateTime, policyRule: wanted.policyRule, provision: wanted.provision }, { ifMatch: latest.meta?.versionId });
    if (alongside) await alongside(scope.tx, patientId);
    return changed;
  });
}

function sameProvision(a: Consent, b: Consent): boolean {
  const codes = (consent: Consent) => (consent.provision?.securityLabel ?? []).map((label) => label.code).sort().join(",");
  return a.provision?.type === b.provision?.type && codes(a) === codes(b);
}
