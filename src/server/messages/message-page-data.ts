import "@/server/server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import { formatDay } from "@/lib/documents/format";
import { titleOf } from "../documents/document-summary";
import type { Actor } from "../access/actor";
import { isUuid, type Repository } from "../fhir/repository";

/**
 * What the messaging pages show beside the messages, read through the repository as the viewer:
 * the documents one may attach (those one sees), and the titles of attachments one may open
 * (an attachment one may not see, or no longer, is simply "not available").
 */
export type Option = { value: string; label: string };

/**
 * `reader`: in a conversation, who on the other side must see them too (message-delivery.ts,
 * conversationReader): only those, decided as the check at sending decides, in the same search's
 * SQL, so that the reply form offers nothing that would be refused once sent. Without (a new
 * message, whose professional is chosen in the same form), every document the writer sees.
 */
export async function attachableDocuments(repo: Repository, patientId: string, reader?: Actor): Promise<Option[]> {
  // Their headings only (title and date), not the whole documents: search.ts says why.
  const readableBy = reader ? { readableBy: reader } : {};
  const page = await repo.searchDocumentHeadings({ patientId, count: 100, sort: "-date", ...readableBy });
  return page.resources.map((document) => ({ value: document.id ?? "", label: `${titleOf(document) ?? "Document"} (${formatDay(document.date)})` }));
}

export async function attachmentTitles(repo: Repository, patientId: string, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter(isUuid).slice(0, 100);
  if (wanted.length === 0) return new Map();
  const page = await repo.search<DocumentReference>("DocumentReference", { patientId, ids: wanted, count: wanted.length });
  return new Map(page.resources.map((document) => [document.id ?? "", titleOf(document) ?? "Document"]));
}

export async function mayWriteMessages(repo: Repository, patientId: string): Promise<boolean> {
  return (await repo.decideOn("create", { resourceType: "Communication", patientId, confidentiality: "N", labels: [] })).allow;
}
