import "@/server/server-only";
import { answerReadLimit } from "../http/read-limited-response";
import type { PreventionNotice } from "@/lib/prevention/forms";
import { spaceOf } from "../access/actor";
import type { RequestScope } from "../documents/request-repository";
import { FhirError } from "../fhir/errors";
import { seeOther } from "../http/see-other";
import { spacePostScope } from "../http/space-post-scope";
import { readPlainForm } from "../http/read-capped-body";

/**
 * The shape of every prevention form post: refuse cross-site requests, find the session's actor
 * (401 without one), act in the space the session is in (its patient, never one named by the
 * form), then "see" the page with a fixed message code. Bad input changes nothing and says so;
 * what the actor may not reach answers 404. `item`: the calendar item whose form came back
 * refused, so that the page marks that form's field (a calendar item's name, never the form's text).
 */
export async function preventionPost(
  request: Request,
  back: "/espace/prevention" | "/espace/prevention/carnet" | "/espace/prevention/bilan",
  run: (scope: RequestScope, patientId: string, form: FormData) => Promise<PreventionNotice | { notice: PreventionNotice; item: string }>,
  /** A Set-Cookie header for the answer: what a refused form held, or forgetting it (form-post.ts's `typed`). */
  typed?: (scope: RequestScope, form: FormData, notice: PreventionNotice) => string | undefined,
): Promise<Response> {
  const scope = await spacePostScope(request);
  if (scope instanceof Response) return scope;
  const patientId = spaceOf(scope.actor);
  if (!patientId || scope.actor.kind === "link") return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const form = (await readPlainForm(request)) ?? new FormData();
  const see = (notice: PreventionNotice, query = "") => {
    const response = seeOther(`${back}?message=${notice}${query}`);
    const header = typed?.(scope, form, notice);
    if (header) response.headers.append("Set-Cookie", header);
    return response;
  };
  try {
    const outcome = await run(scope, patientId, form);
    if (typeof outcome === "string") return see(outcome);
    return see(outcome.notice, `&item=${encodeURIComponent(outcome.item)}`);
  } catch (error) {
    const limited = answerReadLimit(error);
    if (limited) return limited;
    if (!(error instanceof FhirError)) throw error;
    if (error.status === 404) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
    return see(error.status === 403 ? "refuse" : "invalide");
  }
}

/** A form's text fields as a plain object for zod (files and repeated keys are ignored). */
export function fieldsOf(form: FormData, names: readonly string[]): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  for (const name of names) {
    const value = form.get(name);
    fields[name] = typeof value === "string" && value !== "" ? value : undefined;
  }
  return fields;
}
