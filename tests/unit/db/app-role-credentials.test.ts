import { describe, expect, it } from "vitest";
import { appRolePassword, appRoleUrl, scramVerifier } from "@/server/db/app-role";

// The app's pool logs in as espace_sante_app with a password derived from AUTH_SECRET: same
// secret, same password (several app servers agree); another secret, another password; test
// runs all share one (the role is cluster-wide, and parallel runs must not lock each other out).
describe("the app role's credentials", () => {
  const secretA = "a".repeat(43);
  const secretB = "b".repeat(43);

  it("derives a stable password from AUTH_SECRET that does not reveal it", () => {
    const password = appRolePassword("production", secretA);
    expect(password).toBe(appRolePassword("production", secretA));
    expect(password).not.toBe(appRolePassword("production", secretB));
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(password).not.toContain(secretA.slice(0, 8));
  });

  it("uses one fixed password in APP_ENV=test, whatever the run's secret", () => {
    expect(appRolePassword("test", secretA)).toBe(appRolePassword("test", secretB));
    expect(appRolePassword("test", secretA)).not.toBe(appRolePassword("production", secretA));
  });

  it("keeps host, port, database and options of DATABASE_URL, with the app's user and password", () => {
    const url = new URL(appRoleUrl("postgres://owner:s3cr%40t@db.internal:6432/espace_sante?sslmode=require", "p_w-d"));
    expect(url.username).toBe("espace_sante_app");
    expect(url.password).toBe("p_w-d");
    expect(url.host).toBe("db.internal:6432");
    expect(url.pathname).toBe("/espace_sante");
    expect(url.searchParams.get("sslmode")).toBe("require");
    expect(url.toString()).not.toContain("owner");
  });

  it("computes the SCRAM-SHA-256 verifier PostgreSQL 15 stores for a password", () => {
    // Made by PostgreSQL: SET password_encryption = 'scram-sha-256'; ALTER ROLE … PASSWORD 'Mot de passe é1'.
    const fromPostgres =
      "SCRAM-SHA-256$4096:hh4YzPDjudBF2gNNaUyd8w==$zTySr1/3quqT2bN5hcwGQRORxQ0avGYZy+jmnCLd8Lc=:ctq+RNUtZWx9PSgExIyqpT4F1tpHdBs/GZUvUyEFN6U=";
    expect(scramVerifier("Mot de passe é1", Buffer.from("hh4YzPDjudBF2gNNaUyd8w==", "base64"), 4096)).toBe(fromPostgres);
    expect(scramVerifier("pw")).not.toBe(scramVerifier("pw")); // a fresh salt each time
  });
});
