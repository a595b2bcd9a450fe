import "server-only";
import { env } from "../env";
import { FhirError } from "../fhir/errors";
import { refuseCrossSite } from "../http/check-origin";
import { seeOther } from "../http/see-other";
import { unauthorized } from "../http/unauthorized";
import { fileNotFound } from "./file-response";
import { optionalRequestScope, type RequestScope } from "./request-repository";

/**
 * The shape of every documents form post: refuse cross-site requests, find the session's actor
 * (401 without one), run the use case, then "see" the document's page with a fixed message
 * code. Nothing in the redirect comes from the request. What the actor may not see is a 404,
 * the same as for a document that does not exist.
 */
export type NoticeCode = "masque" | "visible" | "niveau" | "supprime" | "ajoute" | "conflit" | "echec";

export async function documentPost(
  request: Request,
  documentId: string,
  run: (scope: RequestScope, form: FormData) => Promise<{ path: `/${string}`; notice: NoticeCode }>,
): Promise<Response> {
  const refused = refuseCrossSite(request, env().APP_URL);
  if (refused) return refused;
  const scope = await optionalRequestScope();
  if (!scope) return unauthorized();
  const form = await request.formData().catch(() => new FormData());
  const page = `/espace/documents/${encodeURIComponent(documentId)}` as const;
  try {
    const { path, notice } = await run(scope, form);
    return seeOther(`${path}?message=${notice}`);
  } catch (error) {
    if (!(error instanceof FhirError)) throw error;
    if (error.status === 404) return fileNotFound();
    return seeOther(`${page}?message=${error.status === 412 ? "conflit" : "echec"}`);
  }
}

/** The version a form sent back, for If-Match; anything else means "no condition". */
export function versionField(form: FormData): string | undefined {
  const value = form.get("version");
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? value : undefined;
}
