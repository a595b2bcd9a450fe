/**
 * One trace of an action on patient data, as the repository and use cases describe it. The
 * agent and on-behalf-of come from the Actor, never from the caller.
 */
export type AuditInteraction =
  | "read"
  | "vread"
  | "search"
  | "history"
  | "create"
  | "update"
  | "delete"
  | "download"
  | "share"
  | "revoke-share"
  | "link-open"
  | "link-passcode-failed"
  | "dispense"
  | "emergency-access"
  /** The professional ended her emergency access before its hour was over (entity: the Patient). */
  | "emergency-end"
  | "sign-in"
  | "export"
  /** The patient says they do not recognise an access of their trail (entity: that AuditEvent). */
  | "report-access";

export type AuditOutcome = "success" | "denied" | "failure";

export type AuditEntry = {
  patientId: string | null;
  /** "DocumentReference/<id>", "ShareLink/<id>"… */
  entity?: string;
  interaction: AuditInteraction;
  outcome: AuditOutcome;
  reason?: string;
  detail?: Record<string, string | number | boolean | null>;
};

/** Where the request came from, and the name to show for the agent in the patient's history. */
export type RequestContext = {
  address?: string;
  userAgent?: string;
  agentName?: string;
};

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from outside (user agents, file names, pharmacy names) is stored without control,
 * line-break or bidirectional-override characters, and bounded, so it cannot forge lines in a
 * log or flip how a row reads on screen.
 */
export function sanitiseForAudit(value: string | undefined, max = 256): string | undefined {
  if (value === undefined) return undefined;
  const clean = value.replace(CONTROL, " ").trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
