import { GET } from "@/app/api/documents/[id]/file/route";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, type Answer } from "../fhir-api/http";

/** GET /api/documents/<id>/file as a browser would call it, with the session cookie. */
export async function getDocumentFile(documentId: string, cookie: string): Promise<Answer & { bytes: Buffer }> {
  const request = new Request(`${appUrl()}/api/documents/${encodeURIComponent(documentId)}/file`, { headers: { cookie } });
  const response = await inRequestScope(request, () => GET(request, { params: Promise.resolve({ id: documentId }) }));
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  return { status: response.status, headers: response.headers, text, bytes, json: () => JSON.parse(text) as unknown };
}
