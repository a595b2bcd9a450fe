import { Secret, TOTP } from "otpauth";

/**
 * The second factor: TOTP as in RFC 6238 (HMAC-SHA-1, 6 digits, 30-second steps), what every
 * authenticator app speaks. A code is accepted one step early or late (clock drift), and only
 * for a step later than the last one used on the account, so a code cannot be replayed.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted on each side of the current one. */
export const TOTP_WINDOW = 1;

export type TotpCheck = { ok: true; step: number } | { ok: false };

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of `secretBase32` at `now` (for seeding, tests and scripts; the server only verifies). */
export function totpCode(secretBase32: string, now: Date, digits = TOTP_DIGITS): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    algorithm: "SHA1",
    digits,
    period: TOTP_PERIOD_SECONDS,
    timestamp: now.getTime(),
  });
}

/**
 * Checks `token` against the secret at `now`. Returns the step it belongs to when it is valid
 * and later than `lastUsedStep`; the caller must then record that step atomically (see
 * account-store `consumeTotpStep`) so that two requests with the same code cannot both pass.
 */
export function checkTotp(input: { secretBase32: string; token: string; now: Date; lastUsedStep: number }): TotpCheck {
  const token = input.token.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return { ok: false };
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(input.secretBase32),
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: input.now.getTime(),
    window: TOTP_WINDOW,
  });
  if (delta === null) return { ok: false };
  const step = totpStep(input.now) + delta;
  if (step <= input.lastUsedStep) return { ok: false };
  return { ok: true, step };
}

/** A new random secret for enrolment (160 bits, the RFC 4226 recommendation). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}
