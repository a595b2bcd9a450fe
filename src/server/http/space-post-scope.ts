import "@/server/server-only";
import { optionalRequestScope } from "../documents/request-repository";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { refuseCrossSite } from "./check-origin";
import { lostSpaceAnswer } from "./lost-space-answer";
import { unauthorized } from "./unauthorized";

/**
 * What every post that acts in « the space » checks before reading its body, in this order: not
 * sent by another site (a signed-in browser must not be made to act), a session (401 without
 * one), and a space its sender still reaches (lost-space-answer.ts). The scope to go on with, or
 * the answer to give. One function so that no form route checks less than the others (the same
 * seven lines stood in five places).
 */
export async function spacePostScope(request: Request): Promise<RequestScope | Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  return lostSpaceAnswer(scope, request) ?? scope;
}
