import "@/server/server-only";
import { database } from "../db/client";
import { loadRow, type ResourceRow } from "./resource-row";

/**
 * One stored row, read on the app's database with no access check, before the request's
 * repository exists. `unsafe` as unsafeRulesOf is: only the page scope may start it, and only
 * to hand it to the repository of the session's actor (GuardedRepository.readingRow), which
 * decides on it and audits it before anything of it is used. Never a page or a use case.
 */
export async function unsafeRowOf(type: string, id: string): Promise<ResourceRow | undefined> {
  return loadRow((await database()).sql, type, id);
}
