import "@/server/server-only";
import type { IncomingMessage } from "node:http";
import { RELATIVES_NOTICES } from "@/lib/delegations/relatives-notices";
import { spaceOf } from "../access/actor";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { typedFromFormJoining, typedOfRequest, type Typed, type TypedForm } from "../http/typed-form-cookie";

/**
 * « Inviter un proche » refused (an end date out of bounds, one's own address, a tie that does
 * not suit a child...) comes back with what was typed (typed-form-cookie.ts): the first name, last
 * name, e-mail, tie, rights and end date, where all came back empty or as by default (found by an
 * exploratory test). Bound to the space it was typed in. The rights are the codes ticked, joined.
 */
export const INVITE_FORM = {
  name: "invite",
  cookie: "espace-sante.invitation-saisie",
  // RELATIVES_PAGE, not imported: relatives-post.ts reaches next/headers, which a Pages Router page may not load.
  path: "/espace/proches",
  fields: { prenom: 80, nom: 80, email: 254, lien: 40, droits: 200, fin: 10 },
} as const satisfies TypedForm<string>;

export type InviteTyped = Typed<keyof typeof INVITE_FORM.fields>;

export const inviteTypedOf = (form: FormData): InviteTyped => typedFromFormJoining(INVITE_FORM, form, "droits");

/** What the invitation form held when it came back refused; null unless the address carries a refusal's code. */
export function inviteTypedOfPage(scope: RequestScope, req: IncomingMessage, message: string | undefined): InviteTyped | null {
  if (message === undefined || !Object.hasOwn(RELATIVES_NOTICES, message) || RELATIVES_NOTICES[message as keyof typeof RELATIVES_NOTICES] !== "error") return null;
  return typedOfRequest(INVITE_FORM, env().APP_ENV === "production", req.headers.cookie, scope.session.sessionId, spaceOf(scope.actor) ?? "") ?? null;
}
