import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import pg from "pg";
import type { SqlDriver } from "./sql-driver";

/**
 * On a PostgreSQL server the app's pool logs in AS `espace_sante_app` (no superuser, no
 * CREATEROLE, no BYPASSRLS, member of no role), so no SQL on it can become the owner again
 * (`RESET ROLE` only returns to that same role) and the audit trail stays append-only. The
 * DATABASE_URL (owner) credentials only migrate, check the role and, when the app cannot log in
 * with its password yet (first start, new AUTH_SECRET), set it.
 *
 * The password is derived from the app's secret, so there is no extra variable to manage and
 * every app server sharing AUTH_SECRET sets the same one. A role belongs to the whole server,
 * not to one database: whoever sets it last wins, and new connections of a process holding
 * another password would be refused. Hence APP_ENV=test derives it from a fixed, public test
 * secret: parallel test runs (each with its own databases and secrets.json) agree. Do not point
 * two deployments with different AUTH_SECRETs at one PostgreSQL server.
 */
export const APP_ROLE = "espace_sante_app";

const LABEL = "espace-sante/postgresql-login/espace_sante_app/v1";
const TEST_SECRET = "espace-sante test runs only: not a secret";

export function appRolePassword(appEnv: string, authSecret: string): string {
  const secret = appEnv === "test" ? TEST_SECRET : authSecret;
  return createHmac("sha256", secret).update(LABEL).digest("base64url");
}

/** The owner's URL with the app role's credentials; host, port, database and options kept. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL would store for `password` (RFC 5802/7677, the format
 * of pg_authid.rolpassword). Sending it instead of the password keeps the password itself out
 * of the server's statement logs; PostgreSQL stores a verifier it is given as it is.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize("NFKC"), salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/**
 * Whether the app's role already logs in with these credentials. When it does (the usual start,
 * or a server that trusts local connections), nobody writes to the shared role's row: no
 * needless update, no race between app servers starting together.
 */
export async function appRoleLogsIn(appUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: appUrl });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // 28P01: wrong password; 28000: no such login (role without LOGIN, no pg_hba line).
    const code = (error as { code?: string }).code;
    if (code === "28P01" || code === "28000") return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

type RoleFlags = { rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolreplication: boolean; rolbypassrls: boolean; member_of: number };

/** Run as the owner after migrating: refuses to start if the role could escalate. */
export async function checkAppRole(owner: SqlDriver): Promise<void> {
  const [flags] = await owner.query<RoleFlags>(
    `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
            (SELECT count(*)::int FROM pg_auth_members WHERE member = r.oid) AS member_of
       FROM pg_roles r WHERE rolname = $1`,
    [APP_ROLE],
  );
  if (!flags) throw new Error(`Le rôle ${APP_ROLE} n'existe pas : les migrations ne sont pas appliquées.`);
  const unsafe: string[] = (["rolsuper", "rolcreaterole", "rolcreatedb", "rolreplication", "rolbypassrls"] as const).filter((k) => flags[k]);
  // A member of another role could SET ROLE to it.
  if (flags.member_of > 0) unsafe.push("membre d'un autre rôle");
  if (unsafe.length > 0) {
    throw new Error(`Le rôle ${APP_ROLE} a des droits qu'il ne doit pas avoir (${unsafe.join(", ")}) ; refus de démarrer.`);
  }
}

/**
 * Run as the owner: lets the role log in with `password`. Two processes altering the role at
 * the same instant make PostgreSQL fail one of them ("tuple concurrently updated"); they set
 * the same password, so retry.
 */
export async function setAppRolePassword(owner: SqlDriver, password: string): Promise<void> {
  // format(%I, %L) quotes on the server: nothing is concatenated into SQL here.
  const [statement] = await owner.query<{ sql: string }>("SELECT pg_catalog.format('ALTER ROLE %I WITH LOGIN PASSWORD %L', $1::text, $2::text) AS sql", [
    APP_ROLE,
    scramVerifier(password),
  ]);
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.exec(statement!.sql);
      return;
    } catch (error) {
      if (attempt >= 5 || !/tuple concurrently updated/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}
