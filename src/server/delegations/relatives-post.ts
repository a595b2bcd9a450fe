import "@/server/server-only";
import type { z } from "zod";
import type { RequestScope } from "../documents/request-repository";
import { spaceOf } from "../access/actor";
import { env } from "../env";
import { formPost } from "../http/form-post";
import { clearTypedHeader, keepTypedHeader, type Typed, type TypedForm } from "../http/typed-form-cookie";
import { RELATIVES_NOTICES } from "@/lib/delegations/relatives-notices";
import { RelativesRefusal } from "./relatives-refusal";
import type { RelativesNotice } from "@/lib/delegations/relatives-notices";

export { RELATIVES_NOTICES, type RelativesNotice } from "@/lib/delegations/relatives-notices";

export const RELATIVES_PAGE = "/espace/proches";

/**
 * The form posts of /espace/proches: formPost's shape (cross-site refused, 401 without a
 * session, 404 for what the actor may not see, e.g. a caregiver on any of these routes), the
 * form parsed by the route's zod schema (a bad form changes nothing), back to the page with a
 * fixed message code (`invalid`: the code for a refused form, one that names its field, and the
 * page it goes back to when the form is not on /espace/proches). Whose delegations come from the session's space, never from the form.
 */
export async function relativesPost<S extends z.ZodType, F extends string = never>(
  request: Request,
  schema: S,
  run: (scope: RequestScope, input: z.infer<S>) => Promise<RelativesNotice | { notice: RelativesNotice; path?: `/${string}`; response?: Response }>,
  options: {
    invalid?: (error: z.ZodError) => RelativesNotice | { notice: RelativesNotice; path: `/${string}` };
    /** `where`: besides the space, what else the typed fields are bound to (a delegation's id). */
    keepTyped?: { form: TypedForm<F>; of: (form: FormData) => Typed<F>; where?: (spaceId: string) => string };
  } = {},
): Promise<Response> {
  const keep = options.keepTyped;
  const production = env().APP_ENV === "production";
  return formPost<RelativesNotice>(
    request,
    {
      page: RELATIVES_PAGE,
      // Refused, what was typed comes back to the form; gone through, it is forgotten. Bound to the
      // space it was typed in: what a guardian typed in a child's space never fills her own.
      typed: keep
        ? (scope, form, notice) =>
            RELATIVES_NOTICES[notice] === "error"
              ? keepTypedHeader(keep.form, production, keep.of(form), scope.session.sessionId, (keep.where ?? ((space: string) => space))(spaceOf(scope.actor) ?? ""))
              : clearTypedHeader(keep.form, production)
        : undefined,
      // A refusal of the relatives' own rules says its reason (relatives-refusal.ts), caught below.
      noticeFor: (status) => (status === 403 ? "interdit" : status === 412 ? "conflit" : "echec"),
    },
    async (scope, form) => {
      const fields: Record<string, unknown> = {};
      for (const [key, value] of form.entries()) {
        // Checkboxes of one name arrive several times: keep them all.
        fields[key] = key in fields ? ([] as unknown[]).concat(fields[key], value) : value;
      }
      const parsed = schema.safeParse(fields);
      if (!parsed.success) {
        const refused = options.invalid?.(parsed.error) ?? "formulaire";
        return typeof refused === "string" ? { notice: refused } : refused;
      }
      const outcome = await run(scope, parsed.data).catch((error: unknown) => {
        if (error instanceof RelativesRefusal) return error.notice;
        throw error;
      });
      if (typeof outcome === "string") return { notice: outcome };
      if (outcome.response) return { response: outcome.response, notice: outcome.notice };
      return { notice: outcome.notice, ...(outcome.path ? { path: outcome.path } : {}) };
    },
  );
}
