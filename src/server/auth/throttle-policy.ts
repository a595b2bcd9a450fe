/**
 * How many password attempts the sign-in takes, in fixed 15-minute windows:
 * - one account from one address: 5. This is what stops someone guessing a password.
 * - one account from all addresses: 30. The cap on guessing spread over many (or forged)
 *   addresses. It is higher than the first so that one attacker's address cannot lock the
 *   owner out; an attacker needs a sustained flood from many places to slow them down, and
 *   even then only for the current window (there is no lockout to undo).
 * - one address over all accounts: 20. Stops one address spraying passwords across accounts.
 * The key of an account is a hash of the typed address, known account or not, so the answer
 * (and its timing) is the same for addresses that have no account.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  accountAndAddress: 5,
  account: 30,
  address: 20,
} as const;

export function signInThrottleKeys(emailKey: string, address: string) {
  return {
    accountAndAddress: `signin:account-address:${emailKey}:${address}`,
    account: `signin:account:${emailKey}`,
    address: `signin:address:${address}`,
  };
}
