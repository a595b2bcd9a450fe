import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

/**
 * On a demo or development machine the secrets are generated once into DATA_DIR/secrets.json.
 * A cluster's processes start together and all look for the file at once: every one must end
 * up with the same secrets (else a cookie sealed by one process is refused by the other, and
 * files stored by one cannot be read by the other), and none may read the file half-written.
 */
const run = promisify(execFile);
const script = `import { secrets } from ${JSON.stringify(path.resolve("src/server/secrets.ts"))};
const s = secrets();
process.stdout.write(JSON.stringify({ auth: s.authSecret, storage: s.storageKey.toString("base64") }));`;

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the demo's secrets file", () => {
  it("gives every process started at once the same secrets, the ones in the file, and leaves no draft behind", async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "secrets-"));
    // Neither secret from the environment: both come from the file.
    const { AUTH_SECRET: _auth, STORAGE_KEY: _storage, ...inherited } = process.env;
    const env = { ...inherited, APP_ENV: "demo", DATA_DIR: dataDir };
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env, cwd: process.cwd() })),
    );
    const seen = outputs.map(({ stdout }) => JSON.parse(stdout) as { auth: string; storage: string });
    const file = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { authSecret: string; storageKey: string };
    for (const secrets of seen) expect(secrets).toEqual({ auth: file.authSecret, storage: file.storageKey });
    expect(file.authSecret.length).toBeGreaterThanOrEqual(43);
    expect(Buffer.from(file.storageKey, "base64")).toHaveLength(32);
    expect(readdirSync(dataDir)).toEqual(["secrets.json"]);
    expect(statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
  }, 60_000);
});
