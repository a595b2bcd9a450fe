import "server-only";

/**
 * E-mails to an account's owner about its security. They say what happened to the account,
 * never anything about health, nor anyone else's name.
 */
export async function tellOwnerSecondFactorPaused(accountId: string, now: Date): Promise<void> {
  void accountId;
  void now;
}
