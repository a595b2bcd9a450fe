import { z } from "zod";

/** The page's query string: a directory search and the message a form came back with. Anything else is ignored. */
const one = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().max(100).optional().catch(undefined));

export const sharingSearchSchema = z.object({ q: one.transform((q) => q?.trim() || undefined), message: one });
