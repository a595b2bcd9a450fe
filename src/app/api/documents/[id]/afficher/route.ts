import { documentPost } from "@/server/documents/document-post";
import { showDocument } from "@/server/documents/show-document";

/** POST: show this document again to the professionals the patient authorised. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return documentPost(request, id, async ({ repo }) => {
    await showDocument(repo, id);
    return { path: `/espace/documents/${id}`, notice: "visible" };
  });
}
