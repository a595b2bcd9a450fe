import "@/server/server-only";
import { cookies } from "next/headers";
import { currentAuthCookies } from "../auth/session-token";
import { activationOfChallenge } from "./pending-activation";

/**
 * The activation this browser has under way, for the route handlers (the pages read it from
 * the request's headers: pending-activation.ts, which holds the rule).
 */
export async function currentActivation(now: Date) {
  return activationOfChallenge((await cookies()).get(currentAuthCookies().activation.name)?.value, now);
}
