import "@/server/server-only";
import { listQueryOf } from "@/lib/documents/document-filters";
import { formPost, type FormOutcome } from "../http/form-post";
import type { RequestScope } from "./request-repository";

/**
 * Documents form posts (hide, show, confidentiality, delete): the common shape of formPost,
 * reporting on the document's page. The forms' addresses carry the filters of the list the
 * document was opened from (its page's listQuery): read again with the list's parser, they go
 * back with the answer, so « Retour aux documents » still leads to that list after a choice.
 */
export type NoticeCode = "masque" | "visible" | "niveau" | "supprime" | "ajoute" | "conflit" | "echec";

export async function documentPost(
  request: Request,
  documentId: string,
  run: (scope: RequestScope, form: FormData) => Promise<FormOutcome<NoticeCode>>,
): Promise<Response> {
  return formPost(
    request,
    {
      page: `/espace/documents/${encodeURIComponent(documentId)}`,
      noticeFor: (status) => (status === 412 ? "conflit" : "echec"),
      carried: listQueryOf(Object.fromEntries(new URL(request.url).searchParams)).replace(/^\?/, "&"),
    },
    run,
  );
}
