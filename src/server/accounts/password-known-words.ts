import "@/server/server-only";
import { emailOfAccount, findAccountById } from "../db/account-store";

/**
 * What the person is known by (their name, their e-mail address), which a new password must not
 * lean on: the same words at activation, on a reset link and in « Mon compte », so a password
 * refused at one door is not accepted at another.
 */
export async function passwordKnownWords(accountId: string): Promise<string[]> {
  const [account, email] = await Promise.all([findAccountById(accountId), emailOfAccount(accountId)]);
  return [account?.displayName, email].filter((word): word is string => !!word);
}
