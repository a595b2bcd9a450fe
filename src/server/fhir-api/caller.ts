import type { Actor } from "../access/actor";
import type { RequestContext } from "../audit/audit-entry";

/**
 * Who is calling the API: the Actor established from the session, and what the audit rows
 * record of the request. The route resolves it from the session cookie; tests hand one in.
 */
export type Caller = { actor: Actor; ctx: RequestContext };

/** Resolved lazily, so that answers that need no session (metadata, 405, 414) never look one up. */
export type CallerSource = () => Promise<Caller | undefined>;
