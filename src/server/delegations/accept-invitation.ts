import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { findAccountByEmail } from "../db/account-store";
import { invitationByToken, markAccepted } from "../db/delegation-invitation-store";
import { inPrisma } from "../db/queryable";
import { env } from "../env";
import { createRepository, type Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { cancelLines } from "./delegation-emails";
import { delegationOfInvitation } from "./delegation-resource";
import { lockSpaceOpen } from "../db/space-closure-store";
import { acceptRefusal, startAfterPause, type AcceptRefusal } from "./invitation-state";
import { hashSecret, isSecretShape, newSecret } from "./invitation-secret";
import { measureOfInviter } from "../guardianship/inviter-measure";

export type AcceptOutcome = { ok: true; relatedPersonId: string; activeFrom: Date } | { ok: false; reason: AcceptRefusal | "unknown" | "not-own-space" | "professional" };

/**
 * The invitee accepts, signed in and in their own space. The link is single use (the UPDATE
 * that spends it is guarded); the account must be the one registered under the invited address
 * and not the patient's. The delegation is written as a RelatedPerson in the patient's record,
 * starting 24 hours from now (the pause), through the repository so decide(), its history and
 * the audit trail see it. The patient is told, with a fresh one-click cancel link.
 */
export async function acceptInvitation(accepter: Repository, secret: string): Promise<AcceptOutcome> {
  if (!isSecretShape(secret)) return { ok: false, reason: "unknown" };
  const actor = accepter.actor;
  // A professional's account never acts for a relative: told so, not to go back to a space it has not.
  if (actor.kind === "practitioner") return { ok: false, reason: "professional" };
  if (actor.kind !== "patient") return { ok: false, reason: "not-own-space" };
  const invitation = await invitationByToken(hashSecret(secret));
  if (!invitation) return { ok: false, reason: "unknown" };
  const now = accepter.now();
  const invitee = await findAccountByEmail(invitation.email);
  // The patient consented by inviting; the write is the system's on that consent, audited in
  // the patient's trail like any other.
  const system = await createRepository({ kind: "system", purpose: "delegation-acceptance" });
  const rules = await system.rules(invitation.patientId);
  const actsAlready = rules.delegations.some(
    (delegation) => delegation.agentPatientId === actor.patientId && delegation.active && (!delegation.end || delegation.end > now),
  );
  const refusal = acceptRefusal(invitation, { patientId: actor.patientId, accountId: actor.accountId, inviteeAccountId: invitee?.id, actsAlready }, now);
  if (refusal) return { ok: false, reason: refusal };

  // Her own name for the RelatedPerson (delegation-resource.ts), read as herself, in her own trail.
  const self = await accepter.read<Patient>("Patient", actor.patientId);
  const activeFrom = startAfterPause(now);
  const chosenUnderMeasure = await measureOfInviter(rules, invitation.createdBy);
  const cancelSecret = newSecret();
  const relatedPersonId = await system
    .transaction(async ({ tx, create }) => {
      // A space closed meanwhile cancelled its invitations; one closing waits for this (lockSpaceOpen),
      // or is seen here: no delegation is written into a closed space, to come back at a reopening.
      if (!(await lockSpaceOpen(inPrisma(tx), invitation.patientId))) throw new SpaceClosed();
      const person = await create(delegationOfInvitation(invitation, { patientId: actor.patientId, accountId: actor.accountId, name: self.name?.[0] }, activeFrom, chosenUnderMeasure));
      const db = inPrisma(tx);
      if (!(await markAccepted(db, invitation.id, actor.accountId, person.id!, now, hashSecret(cancelSecret)))) throw new AlreadyTaken();
      await notify(db, {
        patientId: invitation.patientId,
        kind: "delegation-accepted",
        link: "/espace/proches",
        dedupeKey: `delegation-accepted:${invitation.id}`,
        emailLines: cancelLines(env().APP_URL, cancelSecret),
      });
      return person.id!;
    })
    .catch((error: unknown) => {
      if (error instanceof AlreadyTaken) return undefined;
      // As its link reads once the closure is written: cancelled (close-space.ts).
      if (error instanceof SpaceClosed) return null;
      throw error;
    });
  if (relatedPersonId === null) return { ok: false, reason: "cancelled" };
  if (!relatedPersonId) return { ok: false, reason: "used" };
  return { ok: true, relatedPersonId, activeFrom };
}

class AlreadyTaken extends Error {}
class SpaceClosed extends Error {}
