import "@/server/server-only";
import type { IncomingMessage } from "node:http";
import { spaceOf } from "../access/actor";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { typedFromForm, typedOfRequest, type Typed, type TypedForm } from "../http/typed-form-cookie";

/**
 * « C'est fait » refused for its day comes back with the day typed (typed-form-cookie.ts), where
 * the field showed today again: sent a second time as it stood, the item was recorded as done
 * today, not on the day the person meant. Bound to the space; the item is kept with the day, and
 * the page gives the day back to that item's field only.
 */
export const DONE_FORM = {
  name: "prevention-done",
  cookie: "espace-sante.fait-saisie",
  path: "/espace/prevention",
  fields: { item: 40, date: 10 },
} as const satisfies TypedForm<string>;

export type DoneTyped = Typed<keyof typeof DONE_FORM.fields>;

export const doneTypedOf = (form: FormData): DoneTyped => typedFromForm(DONE_FORM, form);

export const doneTypedWhere = (scope: RequestScope) => spaceOf(scope.actor) ?? "";

/** The day typed for `item` when its « C'est fait » came back refused; null for any other item or none. */
export function doneTypedDayOfPage(scope: RequestScope, req: IncomingMessage, item: string): string | null {
  const typed = typedOfRequest(DONE_FORM, env().APP_ENV === "production", req.headers.cookie, scope.session.sessionId, doneTypedWhere(scope));
  return typed && typed.item === item ? typed.date : null;
}
