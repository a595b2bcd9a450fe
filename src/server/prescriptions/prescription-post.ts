import "@/server/server-only";
import type { RequestScope } from "../documents/request-repository";
import { formPost, type FormOutcome } from "../http/form-post";

/**
 * Prescriptions form posts of the patient's space (share, revoke a link): the common shape of
 * formPost, reporting on the prescription's page.
 */
export type PrescriptionNotice = "lien-revoque" | "date" | "etat" | "interdit" | "echec";

export type PostOutcome = FormOutcome<PrescriptionNotice>;

export function prescriptionPath(prescriptionId: string): `/${string}` {
  return `/espace/ordonnances/${encodeURIComponent(prescriptionId)}`;
}

export async function prescriptionPost(
  request: Request,
  prescriptionId: string,
  run: (scope: RequestScope, form: FormData) => Promise<PostOutcome>,
): Promise<Response> {
  return formPost(
    request,
    {
      page: prescriptionPath(prescriptionId),
      noticeFor: (status) => (status === 403 ? "interdit" : status === 422 ? "etat" : "echec"),
    },
    run,
  );
}
