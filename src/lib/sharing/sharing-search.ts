import { z } from "zod";

/**
 * The page's query string: a directory search, the message a form came back with, and the page
 * of each professional list. Anything else is ignored; a page that is not a positive number is 1.
 */
const one = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().max(100).optional().catch(undefined));
const pageNumber = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.coerce.number().int().min(1).max(1_000_000).catch(1));

export const sharingSearchSchema = z.object({
  q: one.transform((q) => q?.trim() || undefined),
  message: one,
  autorises: pageNumber,
  bloques: pageNumber,
  /** The professional whose authorisation form a refused date came back to (sharing-post.ts). */
  praticien: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.uuid().optional().catch(undefined)),
});

export type SharingSearch = z.infer<typeof sharingSearchSchema>;
