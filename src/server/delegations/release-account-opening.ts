import "@/server/server-only";
import { randomBytes } from "node:crypto";
import type { Patient } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { keyedHash } from "../auth/one-time-code";
import { accountForEnrolment, releaseUnactivatedOpening } from "../db/account-enrolment-store";
import { recordAccountEvent } from "../db/account-event-store";
import { clearOpenedAccount, declineInvitationsHolding, invitationsThatOpened } from "../db/delegation-invitation-store";
import { inPrisma } from "../db/queryable";
import { systemRepository } from "../fhir/repository";
import { createAccountToken, readToken } from "../db/account-token-store";
import { secrets } from "../secrets";
import { INVITATION_TTL_MS, invitationState } from "./invitation-state";
import { isSecretShape } from "./invitation-secret";

/**
 * « Annuler cette ouverture de compte »: the one way out for an invitee whose account someone
 * else began opening. Whoever holds an invitation's link (its inviter, « copier le lien ») can
 * post its form first with a made-up name and birth date; the code goes to the invited mailbox
 * but only activates with that birth date, and while the invitation stays open no other
 * invitation's post takes the account up (open-caregiver-account.ts): the invitee was stuck for
 * the invitation's 7 days, and again with each new one (found by the attack round). The code
 * e-mail and the e-mail sent when another invitation's post is held carry a single-use link, so
 * the mailbox's holder, and only he, lets go of the opening; then the next post of an
 * invitation's form takes the account up with what its poster types, and a new code goes to the
 * mailbox.
 *
 * The secret (256 bits) is stored as a keyed hash, as reset links are (request-password-reset.ts).
 * Each e-mail gets its own (earlier ones keep working: a deduplicated e-mail must not void the
 * link of the one that was sent), and releasing spends them all. It lives as long as an
 * invitation can hold the account.
 */
export const OPENING_RELEASE_TTL_MS = INVITATION_TTL_MS;

/** Reading a link never counts an attempt: the secret cannot be guessed, and the POST spends it. */
const READ_ONLY_TRIES = Number.MAX_SAFE_INTEGER;

const releaseHash = (secret: string) => keyedHash("opening-release", secret, secrets().authSecret);

/** A new release link's secret for the unactivated account `accountId`, to put in an e-mail to its address. */
export async function newOpeningRelease(accountId: string, now: Date): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  await createAccountToken({ accountId, purpose: "opening-release", tokenHash: releaseHash(secret), now, ttlMs: OPENING_RELEASE_TTL_MS, keepEarlier: true });
  return secret;
}

/** The address of the page behind the link (GET shows what it does and a button, changes nothing). */
export function openingReleaseUrl(appUrl: string, secret: string): string {
  return `${appUrl.replace(/\/+$/, "")}/invitation/ouverture/${secret}`;
}

/**
 * What the page offers: undefined unless the link is live and its account still waits for its
 * first activation; else the names of who invited from the invitations that hold the opening (none
 * when the one that did is no longer open). Named so the invitee tells his own opening (a code lost,
 * a birth date mistyped: he posts that invitation's form again) from a stranger's, which he
 * declines with the button. The page of each invitation, behind the link its e-mail brought to his
 * mailbox, names its inviter already. Reads only; the names as the system, audited in the
 * inviters' trails.
 */
export async function openingReleaseOffered(secret: string, now: Date): Promise<{ inviters: string[] } | undefined> {
  if (!isSecretShape(secret)) return undefined;
  const token = await readToken(releaseHash(secret), "opening-release", now, READ_ONLY_TRIES);
  if (token.state !== "live") return undefined;
  if ((await accountForEnrolment(token.accountId))?.activatedAt !== null) return undefined;
  const holders = (await invitationsThatOpened(token.accountId)).filter((invitation) => invitationState(invitation, now) === "open");
  return { inviters: await invitersNamed(holders, "opening-release-page") };
}

/** Who sent these invitations, once per space: the names of the spaces' patients, read as the system (audited in their trails). */
async function invitersNamed(invitations: { patientId: string }[], purpose: string): Promise<string[]> {
  if (invitations.length === 0) return [];
  const system = await systemRepository(purpose);
  return Promise.all(
    [...new Set(invitations.map((invitation) => invitation.patientId))].map(async (patientId) => formatHumanName((await system.read<Patient>("Patient", patientId).catch(() => undefined))?.name) ?? "une personne"),
  );
}

export type ReleaseInput = { now: Date; address: string; userAgent: string | null };

/**
 * The POST: spends the link, lets go of the opening and declines the invitations that held it;
 * "invalid" (nothing changed) for a forged, spent or expired link, or an activated account.
 *
 * Only voiding the code was no release: the squatter posted her link's form again before the
 * invitee posted the one of the invitation he was waiting for (three posts an hour), held the
 * opening again, and could go on with a second invitation of hers to the address (attack round).
 * The release page names who the opening came from (openingHolders), and the invitee, who says
 * by this button it is not his, declines that invitation: its link, and those of its space's other
 * invitations to the address, open nothing any more; its inviter reads « a refusé l'invitation »,
 * as she reads a cancelled or expired one. The decline is his word in the inviters' trails and in
 * his account's own, which he and the assistance read.
 */
export async function releaseAccountOpening(secret: string, input: ReleaseInput): Promise<{ released: true; declinedFrom: string[] } | "invalid"> {
  if (!isSecretShape(secret)) return "invalid";
  const system = await systemRepository("opening-release");
  const declined = await system.transaction(async ({ tx, audit }) => {
    const account = await releaseUnactivatedOpening(tx, releaseHash(secret), input.now);
    if (!account) return undefined;
    const db = inPrisma(tx);
    const declined = await declineInvitationsHolding(db, account.id, input.now);
    await clearOpenedAccount(db, account.id);
    for (const invitation of declined) {
      await audit({ patientId: invitation.patientId, entity: `DelegationInvitation/${invitation.id}`, interaction: "update", outcome: "success", detail: { action: "declined-by-invitee" } });
    }
    const own = account.fhirRef.startsWith("Patient/") ? account.fhirRef.slice("Patient/".length) : null;
    await audit({ patientId: own, entity: `Account/${account.id}`, interaction: "update", outcome: "success", detail: { action: "opening-released", declined: declined.length } });
    await recordAccountEvent({ accountId: account.id, kind: "opening-released", at: input.now, address: input.address, userAgent: input.userAgent }, db);
    return declined;
  });
  if (!declined) return "invalid";
  // Whose invitations he declined, for the page that says it is done: the names the release page
  // showed him before he pressed the button (openingReleaseOffered), once the decline is written.
  return { released: true, declinedFrom: await invitersNamed(declined, "opening-release") };
}
