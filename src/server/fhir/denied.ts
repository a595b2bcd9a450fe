import type { AuditEntry } from "../audit/audit-entry";
import type { FhirError } from "./errors";

/**
 * A refusal found inside a transaction. The transaction rolls back, then the repository writes
 * `entry` to the audit trail (the patient sees attempts, even failed ones) and answers `response`.
 */
export class Denied extends Error {
  constructor(
    readonly entry: AuditEntry | undefined,
    readonly response: FhirError,
  ) {
    super(response.message);
  }
}
