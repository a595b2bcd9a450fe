import "@/server/server-only";
import type { RelatedPerson } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { invitationByCancelToken, invitationById, markCancelled, type InvitationRow } from "../db/delegation-invitation-store";
import { inPrisma } from "../db/queryable";
import { notFound } from "../fhir/errors";
import { createRepository, type Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { revoked } from "./delegation-resource";
import { invitationState } from "./invitation-state";
import { hashSecret, isSecretShape } from "./invitation-secret";
import { managedSpace } from "./managed-space";

/** "Annuler" a pending invitation from /espace/proches: its link stops working at once. */
export async function cancelPendingInvitation(repo: Repository, invitationId: string): Promise<"cancelled" | "already"> {
  const patientId = managedSpace(repo);
  const invitation = await invitationById(invitationId);
  if (!invitation || invitation.patientId !== patientId) throw notFound();
  if (invitationState(invitation, repo.now()) !== "open") return "already";
  return repo.transaction(async ({ tx, audit }) => {
    const done = await markCancelled(inPrisma(tx), invitation.id, null, repo.now());
    if (done) await audit({ patientId, entity: `DelegationInvitation/${invitation.id}`, interaction: "update", outcome: "success", detail: { action: "cancel" } });
    return done ? "cancelled" : "already";
  });
}

/** What the one-click cancel page shows before the button is pressed (GET changes nothing). */
export async function invitationForCancelSecret(secret: string): Promise<InvitationRow | undefined> {
  if (!isSecretShape(secret)) return undefined;
  const invitation = await invitationByCancelToken(hashSecret(secret));
  return invitation && !invitation.cancelledAt ? invitation : undefined;
}

/**
 * The patient's one-click cancel from an e-mail, without signing in: the secret is single use
 * (spent in the same transaction). Before acceptance it kills the invitation; during the pause
 * or after, it ends the delegation (active=false, through the repository as the system, so the
 * patient's history shows it) and the caregiver is told. A forged or spent secret changes nothing.
 */
export async function cancelByToken(secret: string): Promise<"cancelled" | "invalid"> {
  const invitation = await invitationForCancelSecret(secret);
  if (!invitation) return "invalid";
  const system = await createRepository({ kind: "system", purpose: "delegation-cancel-link" });
  const now = system.now();
  // Read before the transaction: a read outside it would wait on the audit chain it holds.
  const person = invitation.relatedPersonId ? await system.read<RelatedPerson>("RelatedPerson", invitation.relatedPersonId).catch(() => undefined) : undefined;
  return system.transaction(async ({ tx, update, audit }) => {
    const db = inPrisma(tx);
    if (!(await markCancelled(db, invitation.id, hashSecret(secret), now))) return "invalid" as const;
    await audit({ patientId: invitation.patientId, entity: `DelegationInvitation/${invitation.id}`, interaction: "update", outcome: "success", detail: { action: "cancel-link" } });
    if (person && person.active !== false) {
      await update<RelatedPerson>(revoked(person));
      const agent = person.identifier?.find((id) => id.system === SYSTEMS.agentPatient)?.value;
      if (agent) await notify(db, { patientId: agent, kind: "delegation-revoked", link: "/espace/proches", dedupeKey: `delegation-revoked:${person.id}:cancel-link` });
    }
    return "cancelled" as const;
  });
}
