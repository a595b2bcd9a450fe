import type { Decision, Reason } from "./decision";

/**
 * Whether a decision to read a patient's vaccinations also gives her prevention calendar, worked
 * out from them (undefined: it does; else why not). Prevention is for the people she lets in on a
 * standing ground: herself, those acting for her, the professionals she authorises. Break-glass
 * opens the record to read, not the calendar: a professional let in by an emergency access alone
 * gets none, one she authorises keeps it while an emergency access is also open (decide() gives
 * the ground as its reason, authorisation first: practitioner-decision.ts).
 */
export function preventionRefusalOf(decision: Decision): Reason | undefined {
  if (!decision.allow) return decision.reason;
  return decision.reason === "emergency" ? "not-authorised" : undefined;
}
