import { z } from "zod";

/**
 * The version a document form sends back, for If-Match: digits, or nothing (no condition). A
 * version that is not digits is no condition either, as before: the page always sends digits.
 */
export const versionField = z
  .string()
  .optional()
  .transform((value) => (value && /^\d{1,9}$/.test(value) ? value : undefined));
