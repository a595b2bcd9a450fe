import { vi } from "vitest";
import type { Database } from "@/server/db/client";

/**
 * What a piece of work sent to the database and when each statement was answered, in order:
 * "sent <kind>", "answered <kind>", the kind named by `kindOf` from the statement's text and
 * parameters. For the tests that hold a page to the order of its reads (issue 16: what waits for
 * what). `late`: the kinds whose answers are held back that many milliseconds (a slow disk, a busy
 * server), to show what does not wait for them.
 */
export async function recordStatements<T>(
  db: Database,
  kindOf: (text: string, params?: unknown[]) => string,
  work: () => Promise<T>,
  late: Record<string, number> = {},
): Promise<{ result: T; events: string[] }> {
  const events: string[] = [];
  const sql = db.sql;
  const original = sql.query.bind(sql);
  const query = vi.spyOn(sql, "query").mockImplementation(((text: string, params?: unknown[]) => {
    const kind = kindOf(text, params);
    events.push(`sent ${kind}`);
    const delay = late[kind];
    const answered = original(text, params).then((rows) => (delay ? new Promise<typeof rows>((resolve) => setTimeout(() => resolve(rows), delay)) : rows));
    return answered.then((rows) => (events.push(`answered ${kind}`), rows));
  }) as typeof sql.query);
  try {
    return { result: await work(), events };
  } finally {
    query.mockRestore();
  }
}
