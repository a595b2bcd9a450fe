import "@/server/server-only";
import type { Patient, RelatedPerson } from "@medplum/fhirtypes";
import { idOfReference } from "@/lib/fhir/reference-id";
import { rulesFromResources } from "../access/rules";
import type { CurrentSession } from "../auth/check-session";
import { actorAndRulesForSession } from "../auth/actor-for-session";
import { isMinorsSpace } from "../children/minors-space";
import { recordAccountEvent } from "../db/account-event-store";
import { emailOfAccount } from "../db/account-store";
import { inPrisma } from "../db/queryable";
import { cancelOpenInvitations, insertSpaceClosure, revokeLinksOfSpace, shutAccount } from "../db/space-closure-store";
import { revoked } from "../delegations/delegation-resource";
import { env } from "../env";
import { FhirError } from "../fhir/errors";
import { createRepository, type Repository } from "../fhir/repository";
import { enqueueEmail } from "../mail/enqueue-email";
import { notify } from "../notifications/notify";
import { checkSecondFactor } from "./check-second-factor";
import { delegationsGiven, givenSince } from "./delegations-given";
import { spaceClosedEmail } from "./space-closure-emails";
import { spacesLeftWithoutHer, tellSpacesLeftWithoutHer } from "./spaces-left-without-her";

/**
 * « Clôturer mon espace »: the holder closes her own space. Code de la santé publique, art.
 * R1111-36: « Le titulaire peut décider de clôturer son espace numérique de santé à tout moment
 * […]. À compter de la date de la clôture, les données contenues dans l'espace numérique de santé
 * sont archivées pendant une période de dix ans. Elles sont supprimées automatiquement au-delà de
 * ce délai. Si le titulaire formule une demande expresse de suppression des données […] avant
 * l'expiration de ce délai, il est fait droit à sa demande dans un délai maximum de trois mois.
 * […] Tout titulaire qui a demandé la clôture de son espace numérique de santé peut demander la
 * création d'un nouvel espace à tout moment. Les données archivées sont transférées vers le nouvel
 * espace. »
 *
 * Only the holder, in her own space, of age: the text gives the choice to the « titulaire »; a
 * caregiver or a parent acting in the space is refused (so is a child's space, which its parents
 * manage and the young adult takes over at 18: children/majority.ts; without a birth date on the
 * record, a parent's guardianship says it is a child's: children/minors-space.ts). An open session is not
 * enough (a computer left signed in): the second factor is typed again, as for the other sensitive
 * changes of « Mon compte » (check-second-factor.ts), and a wrong one changes nothing.
 *
 * Then, in one transaction, written as the system on her own act (her Patient's `active` is the
 * record system's alone: identity-changes.ts) with her own row in the trail: the Patient made
 * inactive, which decide() reads as closed for everyone (access/rules.ts, closed); every
 * delegation she gave ended, each caregiver told as « Retirer » tells them (change-delegation.ts,
 * whose e-mail says only that something changed); invitations not yet accepted cancelled; every
 * pharmacy link revoked; her account shut (no sign-in, every session ended), and each space she
 * could act in told that she no longer can (spaces-left-without-her.ts); the closure's row
 * with its ten years (or her request to erase sooner: ERASE_AFTER_DAYS); the account's trail row;
 * the e-mail telling her when and how to reopen (reopen-space.ts).
 */
export type CloseSpaceResult = { ok: true } | { ok: false; reason: "not-own" | "minor" | "code" | "already" | "changed" };

/** How long the archive is kept from the closure (R1111-36: « dix ans »). */
export const ARCHIVE_YEARS = 10;
/**
 * An express request to erase is carried out this many days after the closure, well within
 * R1111-36's « délai maximum de trois mois », leaving her a month to change her mind and ask for
 * the space back (the daily jobs erase it: jobs/erase-closed-spaces.ts).
 */
export const ERASE_AFTER_DAYS = 30;

export async function closeSpace(
  session: CurrentSession,
  input: { code: string; erase: boolean; now: Date; address?: string; userAgent?: string | null },
): Promise<CloseSpaceResult> {
  const ownId = session.account.kind === "patient" ? idOfReference(session.account.fhirRef, "Patient") : undefined;
  if (!ownId) return { ok: false, reason: "not-own" };
  const { actor, lostSpace } = await actorAndRulesForSession(session, input.now);
  if (!actor || actor.kind !== "patient" || actor.patientId !== ownId || lostSpace) return { ok: false, reason: "not-own" };
  const ctx = { address: input.address, userAgent: input.userAgent ?? undefined, agentName: session.account.displayName };
  const own = await createRepository(actor, ctx);
  const patient = await own.read<Patient>("Patient", ownId);
  const system = await createRepository({ kind: "system", purpose: "space-closure" }, ctx);
  if (await isMinorsSpace(system, patient, input.now)) return { ok: false, reason: "minor" };
  const trail = { address: input.address, userAgent: input.userAgent };
  if (!(await checkSecondFactor(session.account.id, input.code, input.now, "space-close", trail))) return { ok: false, reason: "code" };

  const email = await emailOfAccount(session.account.id);
  const closing: Closing = { ownId, patient, accountId: session.account.id, email, input, trail, own, system };
  // Her space changed between the reads above and the closure's transaction, which then wrote
  // nothing: an invitation accepted (her delegations read again), or her own Patient edited, in
  // another tab or through the FHIR API (its version moved on: read again, so her change is kept
  // and the closure goes through). Past three such turns she is told nothing was closed, never a 500.
  for (let attempt = 1; ; attempt++) {
    const closed = await closeOnce(closing).catch(async (error: unknown) => {
      const meanwhile = error instanceof GivenMeanwhile || isEditedMeanwhile(error);
      if (!meanwhile) throw error;
      if (attempt >= CLOSE_ATTEMPTS) return "changed" as const;
      if (isEditedMeanwhile(error)) closing.patient = await own.read<Patient>("Patient", ownId);
      return undefined;
    });
    if (closed === "changed") return { ok: false, reason: "changed" };
    if (closed !== undefined) return closed ? { ok: true } : { ok: false, reason: "already" };
  }
}

/** Turns of the closure's transaction before a space that keeps changing under it is left open. */
const CLOSE_ATTEMPTS = 3;

/** Her Patient written since the closure read it: its update's If-Match failed (412), nothing committed. */
const isEditedMeanwhile = (error: unknown) => error instanceof FhirError && error.status === 412;

type Closing = {
  ownId: string;
  patient: Patient;
  accountId: string;
  email: string | undefined;
  input: { erase: boolean; now: Date };
  trail: { address?: string; userAgent?: string | null };
  own: Repository;
  system: Repository;
};

class GivenMeanwhile extends Error {}

/** The closure's transaction: false when the space was already closed. */
async function closeOnce({ ownId, patient, accountId, email, input, trail, own, system }: Closing): Promise<boolean> {
  const now = input.now;
  // Read before the transaction: a read outside it would wait on the audit chain it holds (cancel-invitation.ts).
  const [{ live: given, seen }, leftWithoutHer] = await Promise.all([delegationsGiven(system, ownId, patient.birthDate, now), spacesLeftWithoutHer(system, ownId, now)]);
  const archiveUntil = new Date(now);
  archiveUntil.setUTCFullYear(archiveUntil.getUTCFullYear() + ARCHIVE_YEARS);
  const eraseDueAt = input.erase ? new Date(now.getTime() + ERASE_AFTER_DAYS * 86_400_000) : null;

  return system.transaction(async ({ tx, update, audit }) => {
    const db = inPrisma(tx);
    const row = { patientId: ownId, accountId, closedAt: now, archiveUntil, eraseRequestedAt: input.erase ? now : null, eraseDueAt };
    if (!(await insertSpaceClosure(db, row))) return false;
    await update<Patient>({ ...patient, active: false }, { ifMatch: patient.meta?.versionId ?? "" });
    if (await givenSince(db, ownId, seen)) throw new GivenMeanwhile();
    for (const person of given) {
      const written = await update<RelatedPerson>(revoked(person));
      const agent = rulesFromResources(ownId, [], [person]).delegations[0]?.agentPatientId;
      if (agent) await notify(db, { patientId: agent, kind: "delegation-revoked", link: "/espace/proches", dedupeKey: `delegation-revoked:${written.id}:${written.meta?.versionId ?? ""}` });
    }
    await cancelOpenInvitations(db, ownId, now);
    for (const link of await revokeLinksOfSpace(db, ownId, now)) {
      await audit({ patientId: ownId, entity: `ShareLink/${link.id}`, interaction: "revoke-share", outcome: "success", detail: { prescription: link.prescriptionId, action: "close-space" } });
    }
    await shutAccount(db, accountId, now);
    // After the shutting: a child's notice is e-mailed to its live guardians, whom she no longer is among.
    await tellSpacesLeftWithoutHer(db, leftWithoutHer, ownId, now);
    await recordAccountEvent({ accountId, kind: "space-closed", at: now, ...trail, detail: input.erase ? "erase-requested" : null }, db);
    // Her own act in her trail (the writes above are the system's, on her word).
    await own.audit({ patientId: ownId, entity: `Patient/${ownId}`, interaction: "update", outcome: "success", detail: { action: "close-space", erase: input.erase } }, db);
    if (email) await enqueueEmail(db, spaceClosedEmail(email, { closedAt: now, archiveUntil, eraseDueAt, assistance: env().ASSISTANCE_CONTACT }));
    return true;
  });
}
