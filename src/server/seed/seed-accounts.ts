import "@/server/server-only";
import { createAccount } from "../db/account-store";
import { ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/personas";

/** The six personas who sign in: password Sante-Demo-2026! and their fixed TOTP secret. */
export async function seedAccounts(): Promise<number> {
  // Hashing is deliberately slow (argon2id): run the six at once.
  await Promise.all(
    Object.values(ACCOUNTS).map((account) =>
      createAccount({
        id: account.accountId,
        email: account.email,
        password: DEMO_PASSWORD,
        totpSecret: account.totpSecret,
        kind: account.kind,
        fhirRef: account.fhirRef,
        displayName: account.displayName,
      }),
    ),
  );
  return Object.keys(ACCOUNTS).length;
}
