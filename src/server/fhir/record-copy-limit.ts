import "@/server/server-only";
import type { Actor } from "../access/actor";
import type { Queryable } from "../db/queryable";
import { hitAccountHourlyAllowance } from "./account-hourly-allowance";
import { FhirError } from "./errors";

/**
 * Copies of a whole record (record-copy/), per account: a few an hour. A copy of 5,000 documents
 * writes some 5,100 rows in the patient's trail (one per search, one per file) for about 110
 * reads of the per-minute limit (read-limit.ts), so that limit alone would let a caregiver bury
 * the patient's history under 15,000 rows a minute by asking again and again (case 45). Four an
 * hour leave room for a download cut short by a bad line, and for a guardian's several children.
 */
export const RECORD_COPIES_PER_HOUR = 4;

export class RecordCopiesLimited extends FhirError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "throttled", "Trop de copies du dossier demandées dans l'heure.");
  }
}

/** Counts one copy of `actor`'s account; throws RecordCopiesLimited past the hour's copies. */
export function countRecordCopy(db: Queryable, actor: Actor, now: Date): void {
  const retryAfterSeconds = hitAccountHourlyAllowance(db, actor, "record-copies", RECORD_COPIES_PER_HOUR, now);
  if (retryAfterSeconds !== undefined) throw new RecordCopiesLimited(retryAfterSeconds);
}
