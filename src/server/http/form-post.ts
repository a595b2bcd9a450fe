import "@/server/server-only";
import { answerReadLimit } from "./read-limited-response";
import type { RequestScope } from "../documents/request-repository";
import { FhirError } from "../fhir/errors";
import { seeOther } from "./see-other";
import { spacePostScope } from "./space-post-scope";
import { readPlainForm } from "./read-capped-body";

/**
 * The shape of every form post of the patient's space: refuse cross-site requests, find the
 * session's actor (401 without one), run the use case, then "see" a page of ours with a fixed
 * message code. Nothing in the redirect comes from the request but ids of the route, encoded,
 * and what the caller carries back checked and encoded again (`carried`).
 * What the actor may not see is a 404, the same bytes as for what does not exist; a refusal the
 * actor may know about (403, 412, 422) goes back to `page` with the code `noticeFor` gives it;
 * past the account's reads of the minute, 429 with the words of /trop-de-demandes.
 */
export type FormOutcome<Notice extends string> =
  | { response: Response; notice?: Notice }
  // `carried`: as FormPostOptions.carried, for this answer alone (what a refused form needs to come back open).
  | { notice: Notice; path?: `/${string}`; carried?: string };

export type FormPostOptions<Notice extends string> = {
  /** The page the form lives on, where refusals are reported. */
  page: `/${string}`;
  /** The code shown on `page` for a refusal of this status. */
  noticeFor: (status: number) => Notice;
  /**
   * A Set-Cookie header for the answer that goes back to a page with a notice: what a refused
   * form held, kept for the page to give it back, or forgotten once it went through (typed-form-cookie.ts).
   */
  typed?: (scope: RequestScope, form: FormData, notice: Notice) => string | undefined;
  /**
   * Query parameters the answer carries back after the message code, already checked and encoded
   * by the caller ("&name=value…"): a document's page keeps the filters of the list it was
   * opened from (document-post.ts).
   */
  carried?: string;
};

export async function formPost<Notice extends string>(
  request: Request,
  options: FormPostOptions<Notice>,
  run: (scope: RequestScope, form: FormData) => Promise<FormOutcome<Notice>>,
): Promise<Response> {
  const scope = await spacePostScope(request);
  if (scope instanceof Response) return scope;
  const form = (await readPlainForm(request)) ?? new FormData();
  const back = (path: `/${string}`, notice: Notice, carried = options.carried ?? "", response = seeOther(`${path}?message=${notice}${carried}`)) => {
    const typed = options.typed?.(scope, form, notice);
    if (typed) response.headers.append("Set-Cookie", typed);
    return response;
  };
  try {
    const outcome = await run(scope, form);
    if ("response" in outcome) return outcome.notice ? back(options.page, outcome.notice, undefined, outcome.response) : outcome.response;
    return back(outcome.path ?? options.page, outcome.notice, outcome.carried ?? options.carried);
  } catch (error) {
    const limited = answerReadLimit(error);
    if (limited) return limited;
    if (!(error instanceof FhirError)) throw error;
    if (error.status === 404) return notFoundResponse();
    return back(options.page, options.noticeFor(error.status));
  }
}

/** The answer for anything the actor may not see, and for what does not exist: the same bytes. */
export function notFoundResponse(): Response {
  return new Response("Introuvable", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
