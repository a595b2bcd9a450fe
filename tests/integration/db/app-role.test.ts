import { describe, expect, inject, it } from "vitest";
import { appRolePassword, checkAppRole, scramVerifier, setAppRolePassword } from "@/server/db/app-role";
import { APP_ROLE } from "@/server/db/client";
import type { SqlDriver } from "@/server/db/sql-driver";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "../audit/owner-sql";

// Whoever gets SQL onto the app's own connection (an injection, a bug) must not be able to
// become the owner and rewrite the audit trail. On a server the pool logs in AS the app's role;
// PGlite has a single superuser connection switched to that role, a limitation shown below.
// A database of its own: a case below ends the app role's idle connections to it, which on the
// run's shared database would cut other files' connections in the middle of their tests.
const db = useTestDatabase({ fresh: true });
const onServer = inject("testDatabase").kind === "server";
// Each engine's cases exist only on that engine (CI runs both), rather than showing as skipped.
const describeOnServer = onServer ? describe : () => undefined;
const describeOnPglite = onServer ? () => undefined : describe;

type Who = { current_user: string; session_user: string; rolsuper: boolean };
class RolledBack extends Error {}

/**
 * Runs `statements` on one connection of the app, then reports who that connection is, inside a
 * transaction that is always rolled back: should the protection regress, what the statements
 * did (a role made superuser, triggers switched off) does not outlive the test.
 */
async function whoAfter(statements: string[]): Promise<Who> {
  let who: Who | undefined;
  await db()
    .sql.transaction(async (tx: SqlDriver) => {
      for (const statement of statements) await tx.exec(statement);
      [who] = await tx.query<Who>("SELECT current_user, session_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS rolsuper");
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return who!;
}

/** The same through Prisma, as the app's code would send it; rolled back if it is accepted. */
async function throughPrisma(statement: string) {
  await db().prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(statement);
    throw new Error(`accepted: ${statement}`);
  });
}

const REFUSED = /permission denied|must be (owner|superuser)|must have|only superusers/i;

describeOnServer("on a PostgreSQL server, the app's connection cannot leave its role", () => {
  it("is logged in as the app's role, not a superuser", async () => {
    expect(await whoAfter([])).toEqual({ current_user: APP_ROLE, session_user: APP_ROLE, rolsuper: false });
    const [viaPrisma] = await db().prisma.$queryRawUnsafe<{ current_user: string; session_user: string }[]>(
      "SELECT current_user, session_user",
    );
    expect(viaPrisma).toEqual({ current_user: APP_ROLE, session_user: APP_ROLE });
  });

  it("stays the app's role after SET ROLE NONE and RESET ROLE (they lead back to itself)", async () => {
    expect(await whoAfter(["SET ROLE NONE"])).toEqual({ current_user: APP_ROLE, session_user: APP_ROLE, rolsuper: false });
    expect(await whoAfter(["RESET ROLE"])).toEqual({ current_user: APP_ROLE, session_user: APP_ROLE, rolsuper: false });
  });

  it.each([
    "SET ROLE postgres",
    "SET SESSION AUTHORIZATION postgres",
    "SET session_replication_role = replica",
    "ALTER TABLE audit_event DISABLE TRIGGER ALL",
    `ALTER ROLE ${APP_ROLE} SUPERUSER`,
    "CREATE ROLE escalade LOGIN SUPERUSER",
  ])("refuses %s", async (statement) => {
    await expect(whoAfter([statement])).rejects.toThrow(REFUSED);
    expect(await whoAfter([])).toEqual({ current_user: APP_ROLE, session_user: APP_ROLE, rolsuper: false });
  });

  it.each(["UPDATE audit_event SET outcome = 'success'", "DELETE FROM audit_event", "TRUNCATE audit_event"])(
    "refuses %s through Prisma",
    async (statement) => {
      await expect(throughPrisma(statement)).rejects.toThrow(/permission denied/i);
    },
  );
});

describeOnServer("on a PostgreSQL server, the owner sets the app's login at start-up", () => {
  it("survives the server ending its idle connections: the next query gets a new one", async () => {
    await db().sql.query("SELECT 1");
    const ended = await asOwner(db(), (owner) =>
      owner.query<{ ended: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND usename = $1 AND state = 'idle'",
        [APP_ROLE],
      ),
    );
    expect(ended.length).toBeGreaterThan(0);
    // The pool drops the ended connections (and logs them) and opens new ones.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db().sql.query<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  // The password of every test run (APP_ENV=test): setting it again disturbs no other run.
  const password = appRolePassword("test", "");

  it("stores a SCRAM verifier of the derived password, never the password itself", async () => {
    const stored = await asOwner(db(), async (owner) => {
      await setAppRolePassword(owner, password);
      const [row] = await owner.query<{ rolpassword: string; rolcanlogin: boolean }>(
        "SELECT rolpassword, rolcanlogin FROM pg_authid WHERE rolname = $1",
        [APP_ROLE],
      );
      return row!;
    });
    expect(stored.rolcanlogin).toBe(true);
    expect(stored.rolpassword).not.toContain(password);
    const [, iterations, salt] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(stored.rolpassword)!;
    expect(stored.rolpassword).toBe(scramVerifier(password, Buffer.from(salt!, "base64"), Number(iterations)));
  });

  it("refuses to start when the role could escalate (checked in a transaction rolled back)", async () => {
    await asOwner(db(), async (owner) => {
      await expect(checkAppRole(owner)).resolves.toBeUndefined();
      await expect(
        owner.transaction(async (tx) => {
          await tx.exec(`ALTER ROLE ${APP_ROLE} CREATEDB`);
          await checkAppRole(tx);
        }),
      ).rejects.toThrow(/refus de démarrer/);
      await expect(checkAppRole(owner)).resolves.toBeUndefined();
    });
  });
});

describeOnPglite("on PGlite (one in-process superuser connection), only the role switch protects", () => {
  it("works as the app's role, but its session is the superuser: a documented limitation", async () => {
    expect(await whoAfter([])).toMatchObject({ current_user: APP_ROLE, rolsuper: false });
    const escaped = await whoAfter(["RESET ROLE"]);
    // If this ever fails, PGlite can log in as another role: give it the server's protection.
    expect(escaped.rolsuper).toBe(true);
    expect(escaped.session_user).toBe(escaped.current_user);
    // whoAfter rolled the RESET back: the connection is the app's role again.
    expect(await whoAfter([])).toMatchObject({ current_user: APP_ROLE, rolsuper: false });
  });

  it.each(["UPDATE audit_event SET outcome = 'success'", "DELETE FROM audit_event", "TRUNCATE audit_event"])(
    "still refuses %s as the app's role",
    async (statement) => {
      await expect(throughPrisma(statement)).rejects.toThrow(/permission denied/i);
    },
  );
});
