import "@/server/server-only";
import type { IncomingMessage } from "node:http";
import { spaceOf } from "../access/actor";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { clearTypedHeader, keepTypedHeader, typedFromForm, typedOfRequest, type Typed, type TypedForm } from "../http/typed-form-cookie";
import { GROWTH_NOTICES, type GrowthFormField, type GrowthNotice } from "./growth-notices";

/**
 * A measure refused for one value (a height typed in metres, a day in the future) came back with
 * an empty form: the weight and head circumference typed beside it were lost, and the date back
 * to today. What was typed comes back from a sealed cookie of the session's (typed-form-cookie.ts),
 * never from the address, bound to the child's space; the value at fault too, so that the parent
 * sees what to correct. Forgotten once a measure is added.
 */
export const GROWTH_FORM = {
  name: "growth-measure",
  cookie: "espace-sante.mesure-saisie",
  path: "/espace/carnet-enfant",
  // The schema refuses more than 12 characters (schema.ts); a little more is kept so the parent sees what was too long.
  fields: { date: 10, poids: 20, taille: 20, perimetre: 20 },
} as const satisfies TypedForm<GrowthFormField>;

export type GrowthTyped = Typed<GrowthFormField>;

const where = (scope: RequestScope) => spaceOf(scope.actor) ?? "";

/** The Set-Cookie header for the answer: what a refused form held, kept; forgotten once a measure went in. */
export function growthTypedHeader(scope: RequestScope, form: FormData, notice: GrowthNotice): string {
  const production = env().APP_ENV === "production";
  if (GROWTH_NOTICES[notice].tone !== "error") return clearTypedHeader(GROWTH_FORM, production);
  return keepTypedHeader(GROWTH_FORM, production, typedFromForm(GROWTH_FORM, form), scope.session.sessionId, where(scope));
}

/** What the refused form held, when the page shows a refusal; null otherwise. */
export function growthTypedOfPage(scope: RequestScope, req: IncomingMessage, notice: GrowthNotice | null): GrowthTyped | null {
  if (!notice || GROWTH_NOTICES[notice].tone !== "error") return null;
  return typedOfRequest(GROWTH_FORM, env().APP_ENV === "production", req.headers.cookie, scope.session.sessionId, where(scope)) ?? null;
}
