import "@/server/server-only";
import { headers } from "next/headers";
import type { RequestContext } from "../audit/audit-entry";
import { requestContextOf } from "../http/client-address";
import type { CurrentSession } from "./check-session";

/** Where this request comes from and who to name in audit rows, for createRepository(actor, ctx). */
export async function requestContext(session: CurrentSession): Promise<RequestContext> {
  return requestContextOf(await headers(), session.account.displayName);
}
