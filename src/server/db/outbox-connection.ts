import "@/server/server-only";
import { database } from "./client";
import type { Queryable } from "./queryable";

/**
 * The connection an e-mail to an account's owner is queued on when no transaction carries it
 * (a paused second factor, a new sign-in). Account security mail is not patient data, so it does
 * not go through the repository; the outbox table is the only thing written with it.
 */
export async function outboxConnection(): Promise<Queryable> {
  return (await database()).sql;
}
