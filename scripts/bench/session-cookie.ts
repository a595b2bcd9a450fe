import { encode } from "next-auth/jwt";
import { randomUUID } from "node:crypto";

/**
 * A signed-in person for the benchmark: a real account and a real server session row, and the
 * same next-auth cookie the sign-in pages would set (its JWT holds only the session id). The
 * sign-in flow itself is not what is measured here; tests cover it.
 */
export type BenchPerson =
  | { kind: "patient"; patientId: string; activeSpace?: string }
  | { kind: "practitioner"; practitionerId: string };

export async function signedInCookie(patientId: string): Promise<string> {
  return signedInAs({ kind: "patient", patientId });
}

/** As `signedInCookie`, for a professional, or a patient whose active space is someone else's (a caregiver). */
export async function signedInAs(person: BenchPerson): Promise<string> {
  const { createAccount } = await import("../../src/server/db/account-store");
  const { createSession } = await import("../../src/server/db/session-store");
  const { authCookies } = await import("../../src/server/auth/cookie-names");
  const { secrets } = await import("../../src/server/secrets");
  const fhirRef = person.kind === "patient" ? `Patient/${person.patientId}` : `Practitioner/${person.practitionerId}`;
  const account = await createAccount({
    email: `bench-${randomUUID()}@example.org`,
    password: "Bench-Password-2026!",
    totpSecret: "BENCHDEMOTOTPSEC",
    kind: person.kind,
    fhirRef,
    displayName: person.kind === "patient" ? "Patient de test" : "Dr Test",
  });
  const activeSpace = person.kind === "patient" ? `Patient/${person.activeSpace ?? person.patientId}` : null;
  const sid = await createSession({ accountId: account.id, securityStamp: 0, activeSpace, userAgent: "bench", now: new Date() });
  const token = await encode({ token: { sid }, secret: secrets().authSecret, maxAge: 12 * 3600 });
  return `${authCookies(true).sessionToken.name}=${token}`;
}
