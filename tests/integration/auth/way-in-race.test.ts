import pg from "pg";
import { describe, expect, it } from "vitest";
import { WayInRemoved } from "@/server/auth/hold-way-in";
import { openSession } from "@/server/auth/open-session";
import { database } from "@/server/db/client";
import { addPasskey } from "@/server/db/passkey-store";
import { useTestDatabase } from "../../setup/test-database";
import { anAccount } from "./helpers";

const db = useTestDatabase();

/**
 * A passkey sign-in checks the key, then opens its session; the owner may remove that key in
 * between (from another session, because it is an intruder's). Removing a key closes the
 * sessions it opened: a session opened just after that closing must not stay open. The
 * session's transaction holds the key (hold-way-in.ts): here the removal's DELETE is held open
 * on a connection of its own while the sign-in opens its session, as a removal racing it would.
 */
async function sessionsOf(accountId: string): Promise<number> {
  const rows = await (await database()).sql.query<{ n: string }>("SELECT count(*) AS n FROM auth_session WHERE account_id = $1::uuid", [accountId]);
  return Number(rows[0]!.n);
}

describe("a passkey removed while its sign-in is under way", () => {
  it("opens no session once the key is gone", async () => {
    const account = await anAccount();
    const credentialId = `cle-${account.id}`;
    const openedWith = { method: "passkey", credentialId } as const;
    await addPasskey({ credentialId, accountId: account.id, publicKey: new Uint8Array([1]), counter: 0, transports: [], name: "Téléphone", now: new Date() });
    await expect(openSession({ account, now: new Date(), userAgent: "vitest", openedWith })).resolves.toEqual(expect.any(String));
    await (await database()).sql.query("DELETE FROM passkey WHERE credential_id = $1", [credentialId]);
    await expect(openSession({ account, now: new Date(), userAgent: "vitest", openedWith })).rejects.toBeInstanceOf(WayInRemoved);
    expect(await sessionsOf(account.id)).toBe(1);
  });

  it("waits for a removal under way, then opens nothing (on a PostgreSQL server: PGlite runs one transaction at a time, where no two can interleave)", async () => {
    const account = await anAccount();
    const credentialId = `cle-course-${account.id}`;
    const openedWith = { method: "passkey", credentialId } as const;
    await addPasskey({ credentialId, accountId: account.id, publicKey: new Uint8Array([2]), counter: 0, transports: [], name: "Ordinateur", now: new Date() });
    const target = db().target;
    if (target.kind !== "server") {
      await (await database()).sql.query("DELETE FROM passkey WHERE credential_id = $1", [credentialId]);
      await expect(openSession({ account, now: new Date(), userAgent: "vitest", openedWith })).rejects.toBeInstanceOf(WayInRemoved);
      return;
    }
    const removal = new pg.Client({ connectionString: target.url });
    await removal.connect();
    try {
      await removal.query("BEGIN");
      await removal.query("DELETE FROM passkey WHERE credential_id = $1", [credentialId]);
      let settled = false;
      const signIn = openSession({ account, now: new Date(), userAgent: "vitest", openedWith }).finally(() => {
        settled = true;
      });
      signIn.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Still waiting on the key's row: without the hold, the session was already written.
      expect(settled).toBe(false);
      await removal.query("COMMIT");
      await expect(signIn).rejects.toBeInstanceOf(WayInRemoved);
    } finally {
      await removal.end();
    }
    expect(await sessionsOf(account.id)).toBe(0);
  });
});
