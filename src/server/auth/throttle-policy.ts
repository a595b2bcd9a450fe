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
 * Second-factor codes (TOTP and recovery codes) per account, across all its challenges: past
 * this many failures in a window the second step pauses for the account for SECOND_FACTOR_PAUSE_MS
 * and its owner is told. Six digits are a million codes: ten tries a quarter hour is a one in
 * a hundred thousand chance per window, and the owner hears of it.
 */
export const SECOND_FACTOR_LIMITS = { windowMs: 15 * 60 * 1000, failures: 10, pauseMs: 15 * 60 * 1000 } as const;

export function secondFactorThrottleKey(accountId: string): string {
  return `second-factor:account:${accountId}`;
}
