import "@/server/server-only";
import { NOTICE_CODES, type PreventionNotice } from "@/lib/prevention/forms";
import { queryValue } from "../pages/query-page";

/**
 * The notice a prevention form's answer asks for (?message=ajoute): one of the known codes, or
 * none. The page shows the code's fixed text, never the address's.
 */
export function preventionNotice(message: string | string[] | undefined): PreventionNotice | null {
  const code = queryValue(message);
  return code !== undefined && (NOTICE_CODES as readonly string[]).includes(code) ? (code as PreventionNotice) : null;
}
