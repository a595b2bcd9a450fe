/**
 * The limits of share links, in one place so the use cases, the pages and the tests agree.
 * - attempts: wrong passcodes a link takes over its whole life (the limit), counted in
 *   the share_link row, never in memory, so parallel guesses cannot exceed it.
 * - openings per address: a fixed window over every opening attempt (right, wrong or unknown
 *   link) from one address. Guessing a 256-bit key is hopeless anyway; this keeps a scan from
 *   costing us argon2 time and fills the patient's history with nothing.
 * - a link lasts 7 days by default, 90 at most, and never past the prescription's validity.
 * - the pharmacist's session after a right passcode: 30 minutes, then the passcode again.
 */
export const LINK_POLICY = {
  attempts: 10,
  openingsPerAddress: 30,
  openingWindowMs: 10 * 60 * 1000,
  defaultDays: 7,
  maxDays: 90,
  sessionSeconds: 30 * 60,
  pharmacyNameMax: 120,
} as const;

export const DAY_MS = 24 * 3600 * 1000;
