import "@/server/server-only";
import { formPost, type FormOutcome } from "../http/form-post";
import type { RequestScope } from "./request-repository";

/**
 * Documents form posts (hide, show, confidentiality, delete): the common shape of formPost,
 * reporting on the document's page.
 */
export type NoticeCode = "masque" | "visible" | "niveau" | "supprime" | "ajoute" | "conflit" | "echec";

export async function documentPost(
  request: Request,
  documentId: string,
  run: (scope: RequestScope, form: FormData) => Promise<FormOutcome<NoticeCode>>,
): Promise<Response> {
  return formPost(
    request,
    { page: `/espace/documents/${encodeURIComponent(documentId)}`, noticeFor: (status) => (status === 412 ? "conflit" : "echec") },
    run,
  );
}
