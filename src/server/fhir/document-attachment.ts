import type { DocumentReference } from "@medplum/fhirtypes";
import { createHash } from "node:crypto";

/**
 * The DocumentReference as stored with its file: the attachment points at the Binary holding
 * the bytes, and its type, size and hash come from the bytes, never from what the client said.
 */
export function withStoredFile(input: DocumentReference, binaryId: string, file: { bytes: Buffer; contentType: string }): DocumentReference {
  const attachment = input.content?.[0]?.attachment ?? {};
  return {
    ...input,
    content: [
      {
        ...input.content?.[0],
        attachment: {
          ...attachment,
          contentType: file.contentType,
          url: `Binary/${binaryId}`,
          size: file.bytes.length,
          // FHIR's Attachment.hash is the base64 SHA-1 of the data.
          hash: createHash("sha1").update(file.bytes).digest("base64"),
        },
      },
    ],
  };
}
