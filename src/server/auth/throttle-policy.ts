/**
 * How many failed password attempts the sign-in takes, in fixed 15-minute windows. Attempts
 * are counted before the password is hashed and given back when the password was right, so
 * what stays counted are failures.
 *
 * From a browser the account knows (device cookie, see device-cookie.ts): only that browser's
 * own failures count, 10 a window. Nothing anyone else types, from any address, refuses it:
 * the owner's browser cannot be locked out by a stranger.
 *
 * From any other browser (a new one, or an attacker's):
 * - one account from one address: 5. What stops someone guessing a password;
 * - one account from all unknown browsers: 10. The cap on guessing spread over many (or forged)
 *   addresses. Stricter than the old 30: the owner's own browser no longer shares it;
 * - one address over all accounts: 20. Stops one address spraying passwords across accounts.
 * The key of an account is a hash of the typed address, known account or not, so the answer
 * (and its timing) is the same for addresses that have no account.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  knownDevice: 10,
  accountAndAddress: 5,
  account: 10,
  address: 20,
} as const;

export type ThrottleRule = { key: string; limit: number };

export function signInThrottleRules(emailKey: string, address: string, knownDeviceHash: string | undefined): ThrottleRule[] {
  if (knownDeviceHash) return [{ key: `signin:device:${emailKey}:${knownDeviceHash}`, limit: SIGN_IN_LIMITS.knownDevice }];
  return [
    { key: `signin:account-address:${emailKey}:${address}`, limit: SIGN_IN_LIMITS.accountAndAddress },
    { key: `signin:account:${emailKey}`, limit: SIGN_IN_LIMITS.account },
    { key: `signin:address:${address}`, limit: SIGN_IN_LIMITS.address },
  ];
}

/**
 * Growing delays on top of the caps, for browsers the account has never used: past a few free
 * failures, each further failure doubles the wait before the next attempt is even checked,
 * per account (over every unknown browser and address) and per address (over every account).
 * A cap alone lets a patient guesser try 10 passwords every quarter hour for ever; with the
 * delays the pace falls with each failure. A browser the account knows has no delay keys:
 * what strangers type never slows the owner. The streak is forgotten after `forgetMs` without
 * a failure, so an owner who mistyped a few times on a new browser is not slowed the next day.
 * The free allowance (4) stays below the per-pair cap (5), so one mistyped password or four
 * never make a person wait.
 */
export const SIGN_IN_DELAYS = {
  freeFailures: 4,
  firstDelayMs: 2_000,
  maxDelayMs: 15 * 60 * 1000,
  forgetMs: 60 * 60 * 1000,
} as const;

/** The wait after `failures` failures in a row: 0 within the allowance, then 2 s, 4 s, 8 s… capped. */
export function signInDelayMs(failures: number): number {
  const beyond = failures - SIGN_IN_DELAYS.freeFailures;
  if (beyond <= 0) return 0;
  // 2^beyond overflows nothing: the cap is reached after ten doublings.
  return Math.min(SIGN_IN_DELAYS.firstDelayMs * 2 ** Math.min(beyond - 1, 30), SIGN_IN_DELAYS.maxDelayMs);
}

/** The keys of failure streaks that slow this attempt: none from a browser the account knows. */
export function signInDelayKeys(emailKey: string, address: string, knownDeviceHash: string | undefined): string[] {
  if (knownDeviceHash) return [];
  return [`signin-delay:account:${emailKey}`, `signin-delay:address:${address}`];
}

/** When the next attempt may be checked, given a streak (failures, last failure); undefined: now. */
export function nextAttemptAt(streak: { failures: number; lastFailureAt: Date } | undefined): Date | undefined {
  if (!streak) return undefined;
  const delay = signInDelayMs(streak.failures);
  return delay === 0 ? undefined : new Date(streak.lastFailureAt.getTime() + delay);
}

/**
 * Second-factor codes (TOTP and recovery codes) per account, across all its challenges: past
 * this many failures in a window the second step pauses for the account for SECOND_FACTOR_PAUSE_MS
 * and its owner is told. Six digits are a million codes: ten tries a quarter hour is a one in
 * a hundred thousand chance per window, and the owner hears of it.
 */
export const SECOND_FACTOR_LIMITS = { windowMs: 15 * 60 * 1000, failures: 10, pauseMs: 15 * 60 * 1000 } as const;

export function secondFactorThrottleKey(accountId: string): string {
  return `second-factor:account:${accountId}`;
}
