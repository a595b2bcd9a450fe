import type { Interaction } from "./facts";

/**
 * What decide() answers, and why. A denial's reason is for the audit trail; callers answer 404
 * whatever it is, so the reason never tells an outsider what exists. In a file of its own so the
 * rules beside decide() (agent-writes.ts, message-changes.ts…) name reasons without importing it.
 */
export type Decision = { allow: true; reason: Reason } | { allow: false; reason: Reason };

export type Reason =
  | "system"
  | "own-space"
  | "guardian"
  | "delegation"
  | "authorised"
  | "emergency"
  | "directory"
  | "share-link"
  | "unsupported-type"
  | "other-patient"
  | "not-allowed"
  | "read-only"
  | "not-author"
  | "minor-secret"
  | "secret"
  | "delegation-inactive"
  | "scope-missing"
  | "blocked"
  | "not-authorised"
  | "hidden"
  | "confidentiality"
  | "outside-link"
  | "prescription-closed"
  // A professional and a conversation of the patient's they take no part in.
  | "not-participant"
  // A stored message changes only by a read receipt or its sender's withdrawal (message-changes.ts).
  | "message-immutable"
  | "not-sender"
  | "withdraw-late"
  // Writes by someone acting for the patient that would touch their own rights (agent-writes.ts).
  | "self-delegation"
  | "guardian-tie"
  | "scope-widening"
  | "end-widening"
  | "self-rule"
  | "birth-date"
  // The e-mail the majority handover sends the young adult's activation code to (agent-writes.ts).
  | "record-email"
  // The identity a professional finds the patient by, the record system's alone (identity-changes.ts).
  | "identity"
  // A delegation given or widened by a request rather than after the pause (delegation-widening.ts).
  | "delegation-pause"
  // A judge's protection measure written, marked or ended by anyone but the assistance (measure-writes.ts).
  | "protection-measure"
  // A document naming an author, a custodian or an authenticator its writer may not name (document-claims.ts).
  | "document-claim"
  // A space its holder closed: archived, read by no one until reopened (rules.ts, closed).
  | "space-closed";

// One frozen decision per answer and reason, made on first use: decide() runs 48 times for each
// type a page searches (row-filter.ts), and a new object each time added to what a page
// allocated and its garbage collector swept (issue 16).
const allowed = new Map<Reason, Decision>();
const denied = new Map<Reason, Decision>();

export function allow(reason: Reason): Decision {
  let decision = allowed.get(reason);
  if (!decision) allowed.set(reason, (decision = Object.freeze({ allow: true, reason })));
  return decision;
}

export function deny(reason: Reason): Decision {
  let decision = denied.get(reason);
  if (!decision) denied.set(reason, (decision = Object.freeze({ allow: false, reason })));
  return decision;
}

/** The interactions that only read. */
export const READS: ReadonlySet<Interaction> = new Set(["read", "search", "history"]);
