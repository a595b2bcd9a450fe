import { describe, expect, it } from "vitest";
import { ENV_KEYS, parseEnv } from "@/server/env";

const productionSecrets = {
  APP_ENV: "production",
  DATABASE_URL: "postgres://app@db.internal:5432/espace_sante",
  AUTH_SECRET: "s".repeat(40),
  STORAGE_KEY: Buffer.alloc(32, 7).toString("base64"),
  APP_URL: "https://sante.example.fr",
};

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("environment", () => {
  it("runs the demo with nothing set: embedded database, local data, localhost", () => {
    expect(parseEnv({})).toMatchObject({ APP_ENV: "demo", DATA_DIR: ".data", APP_URL: "http://localhost:3000", APP_URL_SET: false, PORT: 3000 });
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
  });

  it("follows the port outside production unless APP_URL is set", () => {
    expect(parseEnv({ PORT: "4000" })).toMatchObject({ APP_URL: "http://localhost:4000", APP_URL_SET: false, PORT: 4000 });
    expect(parseEnv({ PORT: "4000", APP_URL: "http://sante.local:8080" })).toMatchObject({ APP_URL: "http://sante.local:8080", APP_URL_SET: true });
    expect(errorOf({ PORT: "0" })).toMatch(/PORT/);
    expect(errorOf({ APP_URL: "ftp://sante.example.fr" })).toMatch(/APP_URL/);
  });

  it("requires the public address in production: links and redirects cannot guess it", () => {
    const { APP_URL: _, ...withoutUrl } = productionSecrets;
    expect(errorOf(withoutUrl)).toMatch(/APP_URL: obligatoire en production/);
    expect(errorOf({ ...productionSecrets, APP_URL: "" })).toMatch(/APP_URL: obligatoire en production/);
  });

  it("refuses to start in production without its secrets, naming each one", () => {
    const message = errorOf({ APP_ENV: "production" });
    expect(message).toContain("Configuration invalide");
    for (const key of ["DATABASE_URL", "AUTH_SECRET", "STORAGE_KEY", "APP_URL"]) {
      expect(message).toMatch(new RegExp(`${key}: obligatoire en production`));
    }
  });

  it("treats empty variables (as docker compose passes them) as missing", () => {
    const message = errorOf({ ...productionSecrets, AUTH_SECRET: "", STORAGE_KEY: "" });
    expect(message).toMatch(/AUTH_SECRET: obligatoire en production/);
    expect(message).toMatch(/STORAGE_KEY: obligatoire en production/);
  });

  it("starts in production when every secret is given", () => {
    expect(parseEnv(productionSecrets)).toMatchObject({ APP_ENV: "production", DATABASE_URL: productionSecrets.DATABASE_URL });
  });

  it("rejects weak or malformed secrets and database URLs", () => {
    expect(errorOf({ ...productionSecrets, AUTH_SECRET: "short" })).toMatch(/AUTH_SECRET: au moins 32 caractères/);
    expect(errorOf({ ...productionSecrets, STORAGE_KEY: Buffer.alloc(16).toString("base64") })).toMatch(/STORAGE_KEY: doit être 32 octets/);
    expect(errorOf({ DATABASE_URL: "mysql://db/app" })).toMatch(/DATABASE_URL/);
    expect(errorOf({ APP_ENV: "staging" })).toMatch(/APP_ENV/);
  });

  it("takes the OpenID Connect variables all together or not at all", () => {
    const oidc = { OIDC_ISSUER: "https://idp.example.org", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "secret" };
    expect(parseEnv(oidc)).toMatchObject(oidc);
    expect(errorOf({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toMatch(/OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET vont ensemble/);
    expect(errorOf({ OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "secret" })).toMatch(/vont ensemble/);
  });

  it("runs several server processes only on a PostgreSQL server: PGlite takes one process per folder", () => {
    // Unset means "decided at start" (src/server/portal-processes.ts): one per core on a server.
    expect(parseEnv({}).PORTAL_PROCESSES).toBeUndefined();
    expect(parseEnv({ PORTAL_PROCESSES: "1" }).PORTAL_PROCESSES).toBe(1);
    expect(parseEnv({ ...productionSecrets, PORTAL_PROCESSES: "2" }).PORTAL_PROCESSES).toBe(2);
    expect(errorOf({ PORTAL_PROCESSES: "2" })).toContain("PORTAL_PROCESSES");
    expect(errorOf({ ...productionSecrets, PORTAL_PROCESSES: "0" })).toContain("PORTAL_PROCESSES");
  });

  it("lists the variables it reads (docker-compose.yml is checked against this list)", () => {
    expect(ENV_KEYS).toEqual(expect.arrayContaining(["APP_ENV", "DATABASE_URL", "DATA_DIR", "AUTH_SECRET", "STORAGE_KEY", "APP_URL", "PORT"]));
  });
});
