import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { invitationOfRelatedPerson, rearmCancelToken } from "../db/delegation-invitation-store";
import { inPrisma } from "../db/queryable";
import { env } from "../env";
import { createRepository, type Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { cancelLines } from "./delegation-emails";
import { pausedFrom } from "./delegation-resource";
import { startAfterPause } from "./invitation-state";
import { hashSecret, newSecret } from "./invitation-secret";

/**
 * More rights or a later end for a caregiver, chosen on /espace/proches: the same pause as an
 * accepted invitation. The whole delegation starts again 24 hours from now (until then the
 * caregiver can do nothing in the space: never more than the patient granted in calm), unless
 * the patient confirms it from her own session (confirm-delegation.ts); she is told with a
 * fresh one-click cancel link, the caregiver that their rights changed.
 *
 * Written as the system on the patient's act (as accept-invitation.ts does): the repository
 * refuses every widening from a request (access/delegation-widening.ts), so this use case, the
 * acceptance and the confirmation are the only ways to give more. `manager` has read the stored
 * version (checked, audited); `stored` guards against a change made in between (412).
 */
export async function widenAfterPause(manager: Repository, stored: RelatedPerson, next: RelatedPerson, who: { patientId: string; agentPatientId: string }): Promise<Date> {
  const start = startAfterPause(manager.now());
  const invitation = await invitationOfRelatedPerson(stored.id ?? "");
  const cancelSecret = newSecret();
  const system = await createRepository({ kind: "system", purpose: "delegation-widening" });
  await system.transaction(async ({ tx, update }) => {
    const written = await update<RelatedPerson>(pausedFrom(next, start), { ifMatch: stored.meta?.versionId ?? "" });
    const db = inPrisma(tx);
    const version = written.meta?.versionId ?? "";
    const cancellable = invitation ? await rearmCancelToken(db, invitation.id, hashSecret(cancelSecret)) : false;
    await notify(db, {
      patientId: who.patientId,
      kind: "delegation-changed",
      link: "/espace/proches",
      dedupeKey: `delegation-widened:${written.id}:${version}`,
      ...(cancellable ? { emailLines: cancelLines(env().APP_URL, cancelSecret) } : {}),
    });
    await notify(db, { patientId: who.agentPatientId, kind: "delegation-changed", link: "/espace/proches", dedupeKey: `delegation-changed:${written.id}:${version}` });
  });
  return start;
}
