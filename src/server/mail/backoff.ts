/**
 * When to try a failed e-mail again: 30 s after the first failure, doubling up to six hours,
 * for about a day in all; undefined once `maxAttempts` sends have failed (the row is given up
 * and keeps its last error). A permanent refusal (5xx "no such mailbox") is not retried.
 * `jitter` in [0, 1) spreads retries of e-mails that failed together (a mail server restarting).
 */
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 6 * 3600_000;
export const MAX_ATTEMPTS = 12;

export function retryDelay(attempts: number, permanent: boolean, jitter = 0, maxAttempts = MAX_ATTEMPTS): number | undefined {
  if (permanent || attempts >= maxAttempts) return undefined;
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 + jitter / 4));
}

/** SMTP's 5xx replies that no retry will change (RFC 5321 §4.2.1), as nodemailer reports them. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 550 && code < 560;
}
