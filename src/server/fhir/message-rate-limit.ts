import "@/server/server-only";
import type { Actor } from "../access/actor";
import type { Queryable } from "../db/queryable";
import { hitAccountHourlyAllowance } from "./account-hourly-allowance";
import { FhirError } from "./errors";

/**
 * Messages sent per account in an hour, whatever the door (the messaging's form, the FHIR API's
 * create). Each message writes a notice and, for most people, an e-mail to its recipient
 * (messages/create-message.ts): without a cap, a script on one patient's session sent a hundred
 * messages to her doctor in five seconds, a hundred e-mails in his mailbox (found by the attack
 * round on the running portal). The FHIR API's write limit (300 a minute) was the only bound,
 * and the form had none.
 *
 * A person writes to her professionals a few times a day; thirty in an hour leaves room for a
 * caregiver writing for several people. A professional answers many patients, and sends the
 * prevention plans of a day's check-ups: a hundred and twenty. Counted on the account, so the
 * spaces a caregiver acts in share one allowance. Counted once the message is accepted (its
 * recipient and attachments allowed): a refusal costs nothing of it.
 */
export const MESSAGES_PER_HOUR = { patientSide: 30, practitioner: 120 } as const;

export class MessagesLimited extends FhirError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "throttled", "Trop de messages envoyés en une heure : réessayez plus tard.");
  }
}

/** Counts one message of `actor`'s account; throws MessagesLimited past the hour's allowance. */
export function countMessage(db: Queryable, actor: Actor, now: Date): void {
  const side = actor.kind === "practitioner" ? "practitioner" : "patientSide";
  const retryAfterSeconds = hitAccountHourlyAllowance(db, actor, `messages-${side}`, MESSAGES_PER_HOUR[side], now);
  if (retryAfterSeconds !== undefined) throw new MessagesLimited(retryAfterSeconds);
}
