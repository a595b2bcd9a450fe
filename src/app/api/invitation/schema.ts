import { z } from "zod";

/** The secret of an invitation or cancel link, as the pages post it back (43 base64url characters). */
export const tokenSchema = z.object({ jeton: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
