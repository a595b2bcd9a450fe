import "@/server/server-only";
import { t } from "@/lib/i18n/messages";
import { ReadLimited } from "../fhir/read-limit";

/**
 * What the site's routes (downloads, form posts) answer when the account is past its reads of
 * the minute (src/server/fhir/read-limit.ts): 429 with Retry-After and the same plain French
 * words as the /trop-de-demandes page. Never the 404 of a missing document: a person told that
 * their own file is "introuvable" believes it gone, when waiting a minute is all it takes. The
 * FHIR API answers the same refusal as an OperationOutcome (fhir-api/responses.ts).
 */
export function readLimitedResponse(error: ReadLimited): Response {
  return new Response(`${t("errors.tooManyTitle")}\n\n${t("errors.tooManyBody")}\n`, {
    status: 429,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Retry-After": String(error.retryAfterSeconds),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * For a catch that turns the repository's refusals into a 404 or a notice: the 429 answer when
 * `error` is the read limit, undefined otherwise. Every such catch asks this first, because the
 * limit is a FhirError too (tests/unit/architecture/read-limit-answer.test.ts checks they do).
 */
export function answerReadLimit(error: unknown): Response | undefined {
  return error instanceof ReadLimited ? readLimitedResponse(error) : undefined;
}
