import { randomUUID } from "node:crypto";
import { createAccount, type AccountKind } from "@/server/db/account-store";
import { newTotpSecret, totpCode } from "@/server/auth/totp";

/** An account of its own for each test (fresh address and secret), so tests never share counters. */
export const PASSWORD = "Correct-Horse-Battery-42";

export async function anAccount(options: { kind?: AccountKind; password?: string } = {}) {
  const kind = options.kind ?? "patient";
  const email = `user-${randomUUID()}@example.org`;
  const totpSecret = newTotpSecret();
  const fhirRef = `${kind === "patient" ? "Patient" : "Practitioner"}/${randomUUID()}`;
  const account = await createAccount({
    email,
    password: options.password ?? PASSWORD,
    totpSecret,
    kind,
    fhirRef,
    displayName: "Alex Durand",
  });
  return { ...account, email, totpSecret, code: (now: Date) => totpCode(totpSecret, now) };
}

export const anAddress = () => `10.${rand()}.${rand()}.${rand()}`;
const rand = () => Math.floor(Math.random() * 256);

export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
export const MINUTE = 60_000;
