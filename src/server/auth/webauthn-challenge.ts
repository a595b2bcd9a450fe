import "@/server/server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { hitRateLimit } from "../db/rate-limit-store";
import { secrets } from "../secrets";
import { currentAuthCookies } from "./session-token";

/**
 * The WebAuthn challenge between the options request and the browser's answer: kept in a short
 * HttpOnly cookie signed with the app's secret (bound to its purpose and, for registration, the
 * account), and spent on first use through a one-hit counter in the database, so a replayed
 * assertion (same challenge, same signature) is refused even within its five minutes.
 */
const TTL_MS = 5 * 60 * 1000;
const cookieName = () => currentAuthCookies().challenge.name.replace("challenge", "webauthn");

function sign(payload: string): string {
  return createHmac("sha256", secrets().authSecret).update(`webauthn:${payload}`).digest("base64url");
}

export async function keepWebauthnChallenge(challenge: string, purpose: string, now: Date): Promise<void> {
  const payload = `${purpose}|${challenge}|${now.getTime() + TTL_MS}`;
  const spec = currentAuthCookies().challenge;
  (await cookies()).set(cookieName(), `${Buffer.from(payload).toString("base64url")}.${sign(payload)}`, { ...spec.options, maxAge: TTL_MS / 1000 });
}

/** The challenge issued to this browser for `purpose`, spent now; undefined if absent, forged, expired or already used. */
export async function takeWebauthnChallenge(purpose: string, now: Date): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get(cookieName())?.value;
  jar.delete(cookieName());
  const [encoded, signature] = value?.split(".") ?? [];
  if (!encoded || !signature) return undefined;
  const payload = Buffer.from(encoded, "base64url").toString();
  const expected = Buffer.from(sign(payload));
  if (Buffer.from(signature).length !== expected.length || !timingSafeEqual(Buffer.from(signature), expected)) return undefined;
  const [forPurpose, challenge, expires] = payload.split("|");
  if (forPurpose !== purpose || !challenge || Number(expires) < now.getTime()) return undefined;
  const once = await hitRateLimit(`webauthn:challenge:${challenge}`, 1, TTL_MS, now);
  return once.allowed ? challenge : undefined;
}
