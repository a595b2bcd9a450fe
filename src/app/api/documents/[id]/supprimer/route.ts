import { deleteOwnDocument } from "@/server/documents/delete-own-document";
import { documentPost, versionField } from "@/server/documents/document-post";
import { invalid } from "@/server/fhir/errors";

/** POST confirmation=oui&version=<n>: delete a document the patient added (a tombstone). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return documentPost(request, id, async ({ repo }, form) => {
    if (form.get("confirmation") !== "oui") throw invalid("confirmation");
    await deleteOwnDocument(repo, id, versionField(form));
    return { path: "/espace/documents", notice: "supprime" };
  });
}
