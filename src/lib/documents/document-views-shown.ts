/**
 * Others' views a document's page shows (read-audit.ts reads one more, to know of older ones); the
 * rest are in the access history, narrowed to the document. 20, as the history, documents and
 * sharing lists show a page: it was 50, which on a phone, each row stacked as a short list, made
 * the document's page a scroll of some 200 lines below the document, and the slowest of the
 * patient's pages on the pages bench (issue 16, run 124: 1.05 × the documents page, its table
 * 150 µs of React for 50 rows).
 */
export const DOCUMENT_VIEWS_SHOWN = 20;
