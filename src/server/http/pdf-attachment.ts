/**
 * A PDF the portal made for the person (a prescription, a certificate of vaccination), to save
 * under `fileName`: never kept by a cache (it carries health data), never sniffed as anything else.
 * The name is the portal's own (a day and a word), never typed by anyone.
 */
export function pdfAttachment(bytes: Uint8Array, fileName: string): Response {
  return new Response(Buffer.from(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
