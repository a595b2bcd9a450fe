import "@/server/server-only";
import type { z } from "zod";
import type { RequestScope } from "../documents/request-repository";
import { formPost } from "../http/form-post";
import { SharingRefusal } from "./sharing-refusal";

/**
 * The form posts of "Partage et confidentialité": the common shape of formPost, the form parsed
 * by the route's zod schema (a bad form changes nothing and says so), then back to the page with
 * a fixed message code. Identity and whose settings come from the session, never from the form.
 */
export type SharingNotice =
  | "autorise"
  | "modifie"
  | "retire"
  | "bloque"
  | "debloque"
  | "urgence"
  | "niveau"
  | "recherche"
  | "signale"
  | "bloque_d_abord"
  | "date"
  | "interdit"
  | "conflit"
  | "echec";

export const SHARING_PAGE = "/espace/partage";

export async function sharingPost<S extends z.ZodType>(
  request: Request,
  schema: S,
  run: (scope: RequestScope, input: z.infer<S>) => Promise<SharingNotice>,
  options: { invalid?: { notice: SharingNotice; field: keyof z.infer<S> & string } } = {},
): Promise<Response> {
  return formPost<SharingNotice>(
    request,
    {
      page: SHARING_PAGE,
      // A refusal the person may know about says its own reason (sharing-refusal.ts), caught below;
      // one code for every 422 said « Ce professionnel est bloqué » of a refused date.
      noticeFor: (status) => (status === 403 ? "interdit" : status === 412 ? "conflit" : "echec"),
    },
    async (scope, form) => {
      const parsed = schema.safeParse(Object.fromEntries(form.entries()));
      // A field's own words only when that field alone was wrong: a tampered professional id with
      // a good date was told the date was wrong (found by an exploratory test of the demo).
      if (!parsed.success) return { notice: options.invalid && parsed.error.issues.every((issue) => issue.path[0] === options.invalid!.field) ? options.invalid.notice : "echec" };
      const notice = await run(scope, parsed.data).catch((error: unknown) => {
        if (error instanceof SharingRefusal) return error.notice;
        throw error;
      });
      return { notice };
    },
  );
}
