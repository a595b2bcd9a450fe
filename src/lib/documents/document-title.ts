/**
 * A document's title as the portal writes and shows it: one line of at most DOCUMENT_TITLE_MAX
 * characters. The upload form cuts and cleans what is typed (upload-document.ts); the repository
 * asks the same of a title written through the FHIR API (write-guards.ts), which stored one of
 * 140,000 characters on 20,000 lines, shown as the document's heading in every list and page of
 * the record (found by the attack round).
 */
export const DOCUMENT_TITLE_MAX = 200;

export function isDocumentTitle(text: string): boolean {
  return [...text].length <= DOCUMENT_TITLE_MAX && !/[\u0000-\u001f\u007f]/.test(text);
}
