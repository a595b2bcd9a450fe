import "server-only";
import { optionalRequestScope, type RequestScope } from "../documents/request-repository";
import { env } from "../env";
import { FhirError } from "../fhir/errors";
import { refuseCrossSite } from "../http/check-origin";
import { seeOther } from "../http/see-other";
import { unauthorized } from "../http/unauthorized";

/**
 * The shape of every prescriptions form post of the patient's space: refuse cross-site
 * requests, find the session's actor (401 without one), run the use case, then "see" a page
 * of ours with a fixed code. Nothing in the redirect comes from the request but the
 * prescription id of the route, encoded. What the actor may not see is a 404, the same as for
 * a prescription that does not exist; a refusal the actor may know about goes back to the
 * prescription's page with its code.
 */
export type PrescriptionNotice = "lien-revoque" | "date" | "etat" | "interdit" | "echec";

export type PostOutcome = { response: Response } | { notice: PrescriptionNotice; path?: `/${string}` };

export function prescriptionPath(prescriptionId: string): `/${string}` {
  return `/espace/ordonnances/${encodeURIComponent(prescriptionId)}`;
}

export function notFoundResponse(): Response {
  return new Response("Introuvable", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export async function prescriptionPost(
  request: Request,
  prescriptionId: string,
  run: (scope: RequestScope, form: FormData) => Promise<PostOutcome>,
): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  const form = await request.formData().catch(() => new FormData());
  const page = prescriptionPath(prescriptionId);
  try {
    const outcome = await run(scope, form);
    if ("response" in outcome) return outcome.response;
    return seeOther(`${outcome.path ?? page}?message=${outcome.notice}`);
  } catch (error) {
    if (!(error instanceof FhirError)) throw error;
    if (error.status === 404) return notFoundResponse();
    const notice: PrescriptionNotice = error.status === 403 ? "interdit" : error.status === 422 ? "etat" : "echec";
    return seeOther(`${page}?message=${notice}`);
  }
}
