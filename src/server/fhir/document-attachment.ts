import type { Attachment, DocumentReference, DocumentReferenceContent } from "@medplum/fhirtypes";
import type { StagedFile } from "./file-store";

/**
 * The DocumentReference as stored with its file: the attachment points at the Binary holding
 * the bytes, and its type, size and hash come from the bytes, never from what the client said.
 */
export function withStoredFile(input: DocumentReference, file: StagedFile): DocumentReference {
  const attachment = input.content?.[0]?.attachment ?? {};
  return {
    ...input,
    content: [
      {
        ...input.content?.[0],
        attachment: {
          ...attachment,
          contentType: file.contentType,
          url: `Binary/${file.id}`,
          size: file.size,
          hash: file.sha1,
        },
      },
    ],
  };
}

const isObject = (value: unknown): value is object => typeof value === "object" && value !== null && !Array.isArray(value);

/** What a client may say of a document's file: how to name and describe it, nothing that locates or describes the bytes. */
function describedByClient(attachment: Attachment | undefined): Attachment {
  const { title, language, creation }: Attachment = isObject(attachment) ? attachment : {};
  return { ...(title !== undefined ? { title } : {}), ...(language !== undefined ? { language } : {}), ...(creation !== undefined ? { creation } : {}) };
}

/**
 * A document's files are the server's: the attachment's url, size, hash, type and data are set
 * at upload (withStoredFile) from the bytes received, and no client writes them, on create or
 * update, through the API or the pages. Otherwise whoever learned a file's id could write a
 * document of their own pointing at it and download through it a file the patient hid, made
 * secret or deleted (SECURITY-CASES 39).
 *
 * On create they are dropped (a document written through the API carries no file). On update
 * the stored entries are kept as they are, whatever the body says, like `meta` and `author`
 * (prepare-write.ts): a client that sends the document back as it read it changes nothing, and
 * one that sends other values cannot re-point it. Only the title, language and creation date of
 * each stored entry follow the body; entries beyond the stored ones are dropped.
 */
export function serverOwnedContent(input: DocumentReference, stored: DocumentReference | undefined): DocumentReference["content"] {
  // Runs before validation: a body of the wrong shape is left for the validator to refuse.
  const sentContent: unknown = input.content;
  const sentEntries = Array.isArray(sentContent) ? sentContent.map((entry: unknown) => (isObject(entry) ? (entry as Partial<DocumentReferenceContent>) : undefined)) : undefined;
  if (!stored) {
    if (!sentEntries) return input.content;
    return sentEntries.map((entry): DocumentReferenceContent => ({ ...entry, attachment: describedByClient(entry?.attachment) }));
  }
  return (stored.content ?? []).map((entry, i): DocumentReferenceContent => {
    const sent = sentEntries?.[i];
    return {
      ...entry,
      ...(sent?.format !== undefined ? { format: sent.format } : {}),
      attachment: { ...entry.attachment, ...describedByClient(sent?.attachment) },
    };
  });
}
