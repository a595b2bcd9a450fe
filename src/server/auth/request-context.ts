import "server-only";
import { headers } from "next/headers";
import type { RequestContext } from "../audit/audit-entry";
import { clientAddress, userAgentOf } from "../http/client-address";
import type { CurrentSession } from "./check-session";

/** Where this request comes from and who to name in audit rows, for createRepository(actor, ctx). */
export async function requestContext(session: CurrentSession): Promise<RequestContext> {
  const requestHeaders = await headers();
  return {
    address: clientAddress(requestHeaders),
    userAgent: userAgentOf(requestHeaders) ?? undefined,
    agentName: session.account.displayName,
  };
}
