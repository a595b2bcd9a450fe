import "@/server/server-only";
import { database } from "./client";

/** A trivial query, for the health check: proves the database answers. */
export async function pingDatabase(): Promise<void> {
  const { sql } = await database();
  await sql.query("SELECT 1");
}
