import "@/server/server-only";
import { verify } from "@node-rs/argon2";
import type { LinkActor } from "../access/actor";
import type { AuditEntry } from "../audit/audit-entry";
import { inPrisma } from "../db/queryable";
import { hitRateLimit } from "../db/rate-limit-store";
import { createRepository, isUuid, type Repository } from "../fhir/repository";
import { findShareLink, lockShareLink, takeAttempt, type ShareLinkRow } from "../fhir/share-links";
import { PASSCODE_PATTERN, isWellFormedSecret, secretMatches } from "./link-secret";
import { LINK_POLICY } from "./link-policy";
import { sealLinkSession } from "./link-session";
import { linkState } from "./link-state";
import { notify } from "../notifications/notify";
import { notifyLinkLocked } from "./notify-link-locked";

/**
 * The pharmacist opens a link: the key from the URL's fragment, the passcode the patient gave
 * them and the pharmacy's name, all in a POST body. Every outcome but a throttled one is a row
 * in the patient's trail, with the agent "Link/<id>" and the pharmacy's name as typed.
 *
 * Wrong passcodes are counted by one conditional UPDATE (takeAttempt), so parallel guesses
 * cannot spend more than the link's attempts and never take it below zero. A right passcode is
 * accepted only if, with the link's row locked, attempts remain: once the last one is spent the
 * right passcode fails too. (Guesses checked in parallel are each counted; a batch of N guesses
 * that holds the right one succeeds only if it settles among the first ten, which leaves the
 * odds of ten sequential guesses.)
 */
export type OpenLinkInput = {
  linkId: string;
  secret: string;
  passcode: string;
  pharmacy: string;
  address: string;
  userAgent?: string;
};

export type OpenLinkResult =
  | { kind: "opened"; token: string; maxAge: number }
  | { kind: "wrong-passcode"; attemptsLeft: number }
  | { kind: "invalid-passcode" }
  | { kind: "not-found" }
  | { kind: "rate-limited" };

function linkActor(link: ShareLinkRow, pharmacy: string): LinkActor {
  return { kind: "link", linkId: link.id, patientId: link.patientId, prescriptionId: link.prescriptionId, pharmacy };
}

async function refuse(repo: Repository, link: ShareLinkRow, reason: string): Promise<OpenLinkResult> {
  await repo.audit(openingEntry(link, "denied", reason));
  return { kind: "not-found" };
}

function openingEntry(link: ShareLinkRow, outcome: AuditEntry["outcome"], reason?: string): AuditEntry {
  return { patientId: link.patientId, entity: `ShareLink/${link.id}`, interaction: "link-open", outcome, reason, detail: { prescription: link.prescriptionId } };
}

export async function openLink(input: OpenLinkInput, now: Date): Promise<OpenLinkResult> {
  // Counted before anything is looked up or hashed, whatever the outcome.
  const hit = await hitRateLimit(`link-open:address:${input.address}`, LINK_POLICY.openingsPerAddress, LINK_POLICY.openingWindowMs, now);
  if (!hit.allowed) return { kind: "rate-limited" };
  if (!isUuid(input.linkId) || !isWellFormedSecret(input.secret)) return { kind: "not-found" };
  const link = await findShareLink(input.linkId.toLowerCase());
  if (!link) return { kind: "not-found" };

  const repo = await createRepository(linkActor(link, input.pharmacy), { address: input.address, userAgent: input.userAgent, agentName: input.pharmacy });
  if (!secretMatches(input.secret, link.secretHash)) return refuse(repo, link, "wrong-key");
  const state = linkState(link, link.prescriptionOpen, now);
  if (state !== "active") return refuse(repo, link, state);

  if (link.passcodeHash !== null) {
    if (!PASSCODE_PATTERN.test(input.passcode)) return { kind: "invalid-passcode" };
    const right = await verify(link.passcodeHash, input.passcode).catch(() => false);
    if (!right) return wrongPasscode(repo, link, now);
  }
  const opened = await repo.transaction(async (scope) => {
    const row = await lockShareLink(scope.tx, link.id);
    const current = row ? linkState({ ...link, ...row }, true, now) : "revoked";
    if (current !== "active") {
      await scope.audit(openingEntry(link, "denied", current));
      return false;
    }
    await scope.audit(openingEntry(link, "success"));
    // Once per link: a pharmacy reopening it the next day is not news.
    await notify(inPrisma(scope.tx), { patientId: link.patientId, kind: "link-opened", dedupeKey: `link-opened:${link.id}` });
    return true;
  });
  if (!opened) return { kind: "not-found" };
  return { kind: "opened", ...sealLinkSession(link.id, input.pharmacy, now) };
}

async function wrongPasscode(repo: Repository, link: ShareLinkRow, now: Date): Promise<OpenLinkResult> {
  const left = await repo.transaction(async (scope) => {
    const remaining = await takeAttempt(scope.tx, link.id);
    await scope.audit({
      patientId: link.patientId,
      entity: `ShareLink/${link.id}`,
      interaction: "link-passcode-failed",
      outcome: "denied",
      reason: remaining === undefined ? "locked" : "wrong-passcode",
      detail: { prescription: link.prescriptionId, attemptsLeft: remaining ?? 0 },
    });
    if (remaining === 0) {
      await notify(inPrisma(scope.tx), { patientId: link.patientId, kind: "link-locked", dedupeKey: `link-locked:${link.id}` });
    }
    return remaining;
  });
  // Already at zero: this guess counted for nothing, the link is dead.
  if (left === undefined) return { kind: "not-found" };
  if (left === 0) await notifyLinkLocked(link.patientId, link.id, link.prescriptionId, now);
  return { kind: "wrong-passcode", attemptsLeft: left };
}
