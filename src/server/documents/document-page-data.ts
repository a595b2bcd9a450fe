import "@/server/server-only";
import { orUndefined } from "../pages/or-undefined";
import { getDocument, type DocumentDetail } from "./get-document";
import type { RequestScope } from "./request-scope";

/**
 * One document, for the page of the compartment it is shown in (the patient's space, or a
 * patient's record for a professional): undefined, the page's « not found », when the actor may
 * not read it, when it does not exist, or when it belongs to another compartment than the one
 * the page is about (never shown in this space, even to someone who may read it).
 */
export async function documentPageData({ repo }: RequestScope, id: string, compartment: string | undefined): Promise<DocumentDetail | undefined> {
  const detail = await orUndefined(getDocument(repo, id, compartment));
  return detail?.patientId === compartment ? detail : undefined;
}
