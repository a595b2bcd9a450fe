import { documentPost } from "@/server/documents/document-post";
import { hideDocument } from "@/server/documents/hide-document";

/** POST: hide this document from every professional (the patient's choice, audited). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return documentPost(request, id, async ({ repo }) => {
    await hideDocument(repo, id);
    return { path: `/espace/documents/${id}`, notice: "masque" };
  });
}
