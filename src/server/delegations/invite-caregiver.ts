import "@/server/server-only";
import type { Scope } from "../access/scopes";
import { insertInvitation } from "../db/delegation-invitation-store";
import { lockSpaceOpen } from "../db/space-closure-store";
import { inPrisma } from "../db/queryable";
import { env } from "../env";
import { notFound } from "../fhir/errors";
import type { Repository } from "../fhir/repository";
import { enqueueEmail } from "../mail/enqueue-email";
import { notify } from "../notifications/notify";
import { findAccountByEmail, normaliseEmail } from "../db/account-store";
import { relationshipsFor, type Relationship } from "@/lib/delegations/rights";
import { cancelLines, invitationEmail } from "./delegation-emails";
import { endDayAllowed, INVITATION_TTL_MS } from "./invitation-state";
import { hashSecret, newSecret } from "./invitation-secret";
import { managedSpace, managedSpaceUntil, managesChildSpaceOf } from "./managed-space";
import { childTieRefused, endDayRefused, selfInvitationRefused } from "./relatives-refusal";
import { refuseInvitationPastQuota } from "./invitation-quota";

export type InviteInput = {
  given: string;
  family: string;
  email: string;
  relationship: Relationship;
  scopes: readonly Scope[];
  endDay: string;
};

/**
 * "Inviter un proche": an invitation with the rights and end date chosen, its single-use link
 * (256 bits, kept hashed, 7 days) e-mailed to the invitee and returned once for "copier le
 * lien". The patient is told by e-mail, with a one-click cancel. Nothing is granted yet: the
 * delegation exists only once accepted, and acts only after the pause.
 */
export async function inviteCaregiver(repo: Repository, input: InviteInput): Promise<{ invitationId: string; secret: string; patientId: string }> {
  const patientId = managedSpace(repo);
  const now = repo.now();
  if (!endDayAllowed(input.endDay, now, await managedSpaceUntil(repo))) throw endDayRefused();
  // The form of a child's space offers none of the ties a child cannot have (rights.ts): one posted anyway is refused here.
  if (!relationshipsFor(await managesChildSpaceOf(repo)).includes(input.relationship)) throw childTieRefused();
  // One's own address: the link would come back to oneself, and accepting it is refused anyway
  // (acceptRefusal's own-invitation); refused here, before anything is written or e-mailed.
  const invitee = await findAccountByEmail(input.email);
  const inviter = repo.actor.kind === "patient" || repo.actor.kind === "guardian" ? repo.actor.accountId : undefined;
  if (invitee && invitee.id === inviter) throw selfInvitationRefused();
  // A professional's account never accepts (only a patient's own space does, acceptInvitation,
  // which says so to whoever opens the link signed in as one). Its address is invited as any
  // other all the same: a refusal of its own, however worded, told any signed-in patient which
  // addresses hold a professional's account, one free post each. The portal does not tell who
  // has an account under an address (change-email.ts answers a taken address as a free one).
  const secret = newSecret();
  const cancelSecret = newSecret();
  const appUrl = env().APP_URL;
  const invitationId = await repo.transaction(async ({ tx, audit }) => {
    const db = inPrisma(tx);
    // A closure may have been written since this request's session was checked (her other tab):
    // it cancelled the open invitations, and this one would stay open (lockSpaceOpen says why it waits).
    if (!(await lockSpaceOpen(db, patientId))) throw notFound();
    await refuseInvitationPastQuota(db, patientId, now);
    const id = await insertInvitation(db, {
      patientId,
      given: input.given,
      family: input.family,
      relationship: input.relationship,
      scopes: [...new Set(input.scopes)],
      endDay: input.endDay,
      email: normaliseEmail(input.email),
      tokenHash: hashSecret(secret),
      cancelTokenHash: hashSecret(cancelSecret),
      createdBy: repo.actor.kind === "patient" || repo.actor.kind === "guardian" ? repo.actor.accountId : "",
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await enqueueEmail(db, invitationEmail(normaliseEmail(input.email), appUrl, secret, id));
    await notify(db, { patientId, kind: "delegation-invited", link: "/espace/proches", dedupeKey: `delegation-invited:${id}`, emailLines: cancelLines(appUrl, cancelSecret) });
    await audit({ patientId, entity: `DelegationInvitation/${id}`, interaction: "create", outcome: "success", detail: { scopes: [...input.scopes].join(" "), end: input.endDay } });
    return id;
  });
  return { invitationId, secret, patientId };
}
