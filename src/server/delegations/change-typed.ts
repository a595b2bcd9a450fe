import "@/server/server-only";
import type { IncomingMessage } from "node:http";
import { RELATIVES_NOTICES } from "@/lib/delegations/relatives-notices";
import { spaceOf } from "../access/actor";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { typedFromFormJoining, typedOfRequest, type Typed, type TypedForm } from "../http/typed-form-cookie";

/**
 * « Modifier les droits ou la date » of a delegation's page refused (its last day out of bounds,
 * empty or not a day) comes back with the rights ticked and the day typed (typed-form-cookie.ts),
 * where the page showed the stored rights again: saved a second time as it stood, the rights the
 * person had just changed went back to what they were. Bound to the space and to the delegation it
 * was typed for. The rights are the codes ticked, joined.
 */
export const CHANGE_FORM = {
  name: "delegation-change",
  cookie: "espace-sante.delegation-saisie",
  // The delegations' pages, /espace/proches/<id>: the browser sends it nowhere else but their list.
  path: "/espace/proches",
  fields: { droits: 200, fin: 10 },
} as const satisfies TypedForm<string>;

export type ChangeTyped = Typed<keyof typeof CHANGE_FORM.fields>;

export const changeTypedOf = (form: FormData): ChangeTyped => typedFromFormJoining(CHANGE_FORM, form, "droits");

/** Where a change is typed: the space and the delegation, so that it never fills another delegation's form. */
export const changeTypedWhere = (spaceId: string, relatedPersonId: string) => `${spaceId}:${relatedPersonId}`;

/** What the change form held when it came back refused; null unless the address carries a refusal's code. */
export function changeTypedOfPage(scope: RequestScope, req: IncomingMessage, message: string | undefined, relatedPersonId: string): ChangeTyped | null {
  if (message === undefined || !Object.hasOwn(RELATIVES_NOTICES, message) || RELATIVES_NOTICES[message as keyof typeof RELATIVES_NOTICES] !== "error") return null;
  const where = changeTypedWhere(spaceOf(scope.actor) ?? "", relatedPersonId);
  return typedOfRequest(CHANGE_FORM, env().APP_ENV === "production", req.headers.cookie, scope.session.sessionId, where) ?? null;
}
