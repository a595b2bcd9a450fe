import "@/server/server-only";
import { z } from "zod";
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
  options: { invalid?: { notice: SharingNotice; field: keyof z.infer<S> & string; carryBack?: (form: FormData) => string } } = {},
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
      if (!parsed.success) {
        const invalid = options.invalid && parsed.error.issues.every((issue) => issue.path[0] === options.invalid!.field) ? options.invalid : undefined;
        return invalid ? { notice: invalid.notice, carried: invalid.carryBack?.(form) } : { notice: "echec" };
      }
      return run(scope, parsed.data).then(
        (notice) => ({ notice }),
        (error: unknown) => {
          if (!(error instanceof SharingRefusal)) throw error;
          // The use case's own refusal of the field (a day no longer ahead on its clock) comes back as the form's does.
          return { notice: error.notice, carried: error.notice === options.invalid?.notice ? options.invalid.carryBack?.(form) : undefined };
        },
      );
    },
  );
}

const carriedId = z.uuid();
const carriedQuery = z.string().trim().min(1).max(100);

/**
 * What a refused date carries back to the page (found by walking the page on a phone: the refusal
 * came back to the top of a page whose search results were gone, the form closed and the day
 * typed lost, with no word of whose date it was). The professional's id, for the page to open his
 * form again with the field marked, and the search that showed him, so his result is there: both
 * checked and encoded, the query being what the page's own search form already puts in the URL.
 */
export function carryRefusedProfessional(form: FormData): string {
  const id = carriedId.safeParse(form.get("praticien"));
  if (!id.success) return "";
  const query = carriedQuery.safeParse(form.get("q"));
  return `${query.success ? `&q=${encodeURIComponent(query.data)}` : ""}&praticien=${id.data}`;
}
