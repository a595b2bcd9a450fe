import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import { inviteAccount } from "../accounts/invite-account";
import { withAnswerFloor } from "../auth/answer-floor";
import { tellAddressAlreadyUsed } from "../auth/tell-owner";
import { outboxConnection } from "../db/outbox-connection";
import { env } from "../env";
import { enqueueEmail } from "../mail/enqueue-email";
import { hitRateLimit } from "../db/rate-limit-store";
import { accountAlreadyOpeningEmail, caregiverCodeEmail } from "./delegation-emails";
import { emailTaken, restartEnrolment, unactivatedAccountByEmail } from "../db/account-enrolment-store";
import { addressDeclinedSpace, invitationByToken, markAccountOpened, otherInvitationsThatOpened, type InvitationRow } from "../db/delegation-invitation-store";
import { systemRepository } from "../fhir/repository";
import { CAREGIVER_ACCOUNT_PURPOSE, openedFromInvitation } from "./caregiver-account-origin";
import { invitationState, type InvitationState } from "./invitation-state";
import { hashSecret, isSecretShape } from "./invitation-secret";
import { newOpeningRelease, openingReleaseUrl } from "./release-account-opening";

/**
 * Codes e-mailed from one invitation in an hour. Each post of the form restarts the unfinished
 * account and e-mails a new code: with no bound, whoever holds the link (the inviter holds it
 * too) filled the invited mailbox, ten e-mails a second, and kept replacing the code and birth
 * date the invitee was activating with (found by the attack round on the running portal). Three
 * leave room for a mistyped birth date and a slow mailbox. Counted whatever the address (one
 * with an account gets the same answer), so the refusal tells nothing of it.
 */
export const ACCOUNT_CODES_PER_INVITATION = { limit: 3, windowMs: 60 * 60 * 1000 } as const;

/**
 * A brand-new caregiver opens an account from the invitation. Holding the link did stand for the
 * activation letter, but the inviter holds it too (« copier le lien », to send it by text
 * message): she could open, activate and keep an account under any address she invited, and
 * tell from the answer whether that address already had an account (found in an attack round).
 * The activation code now goes by e-mail to the invited address, and the activation goes on with
 * it as with a letter's (/activer): only the mailbox's holder opens the account. An address that
 * already has an account gets the same answer, and its owner an e-mail saying to sign in instead.
 *
 * Their own Patient resource is created (a delegation's agent is a Patient) with the name and
 * birth date typed; the activation checks that birth date with the code. The account is
 * registered under the invited address, so it is the one that may accept. Nothing of the
 * inviting patient's record is touched.
 *
 * An account opened that way and never activated (the invitee stopped before choosing a
 * password, or typed a wrong birth date) is taken up again from the invitation that opened it, or
 * from another once that one is no longer open (cancelled, expired): its own Patient gets the name
 * and birth date typed now, and a new code is sent. While the invitation that opened it is open,
 * another invitation to the address leaves it as it is (each invitation stands on its own: its
 * inviter, who holds her link, renamed the account, chose the birth date it was activated with
 * and voided the code its invitee had received, found by the rules review); the answer is the
 * same, and the mailbox is told to finish with the code it has. An account the care system
 * opened, or one already activated, stays out of reach.
 *
 * Whoever posts first holds the opening, and may not be the invitee (any inviter holds her own
 * link): both e-mails to the mailbox carry a single-use link that lets its holder, and only him,
 * let go of an opening he did not make (release-account-opening.ts).
 */
/**
 * The answer comes this long after the post began, whatever the address: a new account's record,
 * code and e-mail took about 45 ms (warm, on the test server), an address with an account 11-26 ms
 * (its owner told to sign in instead), and the link's holder (the inviter, too) learned from the
 * time alone whether the invited person had an account here. Five times the longer work, as the
 * forgotten password's floor (request-password-reset.ts) is far above its own.
 */
export const OPEN_ACCOUNT_ANSWER_FLOOR_MS = 250;

export type OpenAccountInput = { given: string; family: string; birthDate: string; address: string; userAgent: string | null; now: Date };
export type OpenAccountResult = { ok: true } | { ok: false; reason: Exclude<InvitationState, "open"> | "unknown" | "failed" | "limited" };

export async function openCaregiverAccount(secret: string, input: OpenAccountInput): Promise<OpenAccountResult> {
  if (!isSecretShape(secret)) return { ok: false, reason: "unknown" };
  const invitation = await invitationByToken(hashSecret(secret));
  if (!invitation) return { ok: false, reason: "unknown" };
  const state = invitationState(invitation, input.now);
  if (state !== "open") return { ok: false, reason: state };
  const { limit, windowMs } = ACCOUNT_CODES_PER_INVITATION;
  if (!(await hitRateLimit(`caregiver-account:invitation:${invitation.id}`, limit, windowMs, input.now)).allowed) return { ok: false, reason: "limited" };
  return withAnswerFloor(OPEN_ACCOUNT_ANSWER_FLOOR_MS, () => openForAddress(invitation, input));
}

/** The account and its code for the invited address, or its owner told to sign in: the part whose time differed. */
async function openForAddress(invitation: InvitationRow, input: OpenAccountInput): Promise<OpenAccountResult> {
  const email = invitation.email;
  const patient = await caregiverPatient(invitation, input);
  if (patient && "declined" in patient) return { ok: true };
  if (patient && "heldBy" in patient) {
    // The mailbox may not be the one who began: it gets the way to let go of that opening.
    const release = openingReleaseUrl(env().APP_URL, await newOpeningRelease(patient.heldBy, input.now));
    await enqueueEmail(await outboxConnection(), accountAlreadyOpeningEmail(email, env().APP_URL, input.now, release));
    return { ok: true };
  }
  if (!patient) return addressTaken(email, input.now);
  const invited = await inviteAccount({ kind: "patient", resourceId: patient.id, email, now: input.now });
  if (!invited.ok) return invited.reason === "not-found" ? { ok: false, reason: "failed" } : addressTaken(email, input.now);
  await markAccountOpened(invitation.id, invited.accountId);
  // Whoever posted this form may not hold the mailbox: the code's e-mail carries the way to let go of this opening.
  const release = openingReleaseUrl(env().APP_URL, await newOpeningRelease(invited.accountId, input.now));
  await enqueueEmail(await outboxConnection(), caregiverCodeEmail(email, env().APP_URL, invited.code, release));
  return { ok: true };
}

/** Whether an invitation other than `invitation`, still open, opened the unactivated account `accountId`. */
async function openedByAnotherOpenInvitation(accountId: string, invitation: InvitationRow, now: Date): Promise<boolean> {
  return (await otherInvitationsThatOpened(accountId, invitation.id)).some((other) => invitationState(other, now) === "open");
}

/** The answer of an address already in use, as any other's; its owner is told to sign in. */
async function addressTaken(email: string, now: Date): Promise<OpenAccountResult> {
  await tellAddressAlreadyUsed(email, now);
  return { ok: true };
}

/**
 * The invitee's own Patient: a new one, or the one of their unfinished account, written with what
 * they typed now; undefined when the address is another account's; `heldBy` (that account) when
 * the unfinished account was opened from another invitation still open, and is left as it is;
 * `declined` when the invitee declined an invitation of this invitation's space.
 */
async function caregiverPatient(invitation: InvitationRow, input: OpenAccountInput): Promise<{ id: string } | { heldBy: string } | { declined: true } | undefined> {
  const email = invitation.email;
  const system = await systemRepository(CAREGIVER_ACCOUNT_PURPOSE);
  const name = [{ use: "official" as const, family: input.family, given: [input.given] }];
  const existing = await unactivatedAccountByEmail(email);
  if (!existing) {
    // An activated account holds the address: its owner signs in. Nothing is written for it (a
    // Patient created here would be left behind, with what was typed, by the refusal that follows).
    if (await emailTaken(email)) return undefined;
    const created = await system.create<Patient>({ resourceType: "Patient", active: true, name, birthDate: input.birthDate });
    return { id: created.id! };
  }
  const id = existing.fhirRef.slice("Patient/".length);
  if (existing.kind !== "patient" || !existing.fhirRef.startsWith("Patient/") || !(await openedFromInvitation(id))) return undefined;
  // The invitee declined an invitation of this space when he let go of the opening it held
  // (release-account-opening.ts): a new invitation of the same space, sent after, took the opening
  // up again the moment he had it back (attack round). Until his account is activated, none of
  // that space's invitations touches it; the answer is the same, and his mailbox is not written to.
  if (await addressDeclinedSpace(invitation.patientId, email)) return { declined: true };
  if (await openedByAnotherOpenInvitation(existing.id, invitation, input.now)) return { heldBy: existing.id };
  const patient = await system.read<Patient>("Patient", id).catch(() => undefined);
  if (!patient) return undefined;
  if (!(await restartEnrolment(existing.id, formatHumanName(name) ?? `${input.given} ${input.family}`))) return undefined;
  await system.update<Patient>({ ...patient, name, birthDate: input.birthDate });
  return { id };
}
