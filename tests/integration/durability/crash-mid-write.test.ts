import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { openDatabase, type Database } from "@/server/db/client";
import type { DatabaseTarget } from "@/server/db/sql-driver";
import { Repository } from "@/server/fhir/repository";
import { validateForWrite } from "@/server/fhir/validate";
import { closeDatabase } from "../../setup/test-database";
import { newId } from "@/lib/fhir/builders/ids";
import { aCondition } from "@/lib/fhir/builders/record";
import { aPatient } from "@/lib/fhir/builders/people";

// SECURITY-CASES 37: the server or the database killed in the middle of writes. A child process
// writes through the Repository and acknowledges each committed write; it is killed with SIGKILL
// mid-stream. On PGlite the database runs inside that process (data directory on disk), so the
// database itself dies mid-write; on a server (TEST_DATABASE_URL) the app dies with transactions
// open. Afterwards: every acknowledged write is there once with its audit row, nothing exists
// without its audit row or the other way round, and the patient's chain is intact.
const root = path.resolve(import.meta.dirname, "../../..");
const ACKS_BEFORE_KILL = 24;

type Ack = { type: string; id: string; binary?: string };
let dataDir: string | undefined;
let target: DatabaseTarget;
let patientId = "";
const acks: Ack[] = [];
let db: Database;

function runAndKill(env: NodeJS.ProcessEnv): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader: the tsx command would run the script in a second
    // process, which SIGKILL on the first would leave running.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions", "react-server", "tests/integration/durability/write-loop.ts"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // A bound for a stuck child; a loaded machine needs most of it just to start the child.
    const guard = setTimeout(() => child.kill("SIGKILL"), 80_000);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const [word, type, id, binary] = line.split(" ");
      if (word === "patient") patientId = type ?? "";
      if (word !== "ack" || !type || !id) return;
      acks.push({ type, id, binary: binary?.replace(/^Binary\//, "") });
      // Killed right after an acknowledgement: the other writers are mid-transaction.
      if (acks.length === ACKS_BEFORE_KILL) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(guard);
      resolve({ killed: signal === "SIGKILL", stderr });
    });
  });
}

beforeAll(async () => {
  validateForWrite(aPatient());
  const info = inject("testDatabase");
  const env: NodeJS.ProcessEnv = { ...process.env, APP_ENV: "test" };
  delete env.DATABASE_URL;
  if (info.kind === "server") {
    target = { kind: "server", url: info.url };
    env.WRITE_LOOP_DATABASE_URL = info.url;
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "crash-mid-write-"));
    target = { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
    Object.assign(env, { DATA_DIR: dataDir, WRITE_LOOP_PGLITE_DIR: target.dataDir, WRITE_LOOP_TEMPLATE: info.templateFile });
  }
  const run = await runAndKill(env);
  expect(run.stderr).toBe("");
  expect(run.killed).toBe(true);
  // Reopened as after a restart: PGlite recovers its data directory, a server already has.
  db = await openDatabase(target, { poolSize: 2 });
}, 100_000);

afterAll(async () => {
  if (db) await closeDatabase(db);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

type Counted = { id: string; n: string };

describe("killed in the middle of writes (case 37)", () => {
  it("was killed after the acknowledgements it gave", () => {
    expect(patientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
  });

  it("keeps every acknowledged write exactly once, each version in the history and with one audit row", async () => {
    const ids = acks.flatMap((ack) => (ack.binary ? [ack.id, ack.binary] : [ack.id]));
    const resources = await db.sql.query<Counted>(
      "SELECT id::text AS id, count(*)::text AS n FROM fhir_resource WHERE id = ANY($1::uuid[]) GROUP BY id",
      [ids],
    );
    const history = await db.sql.query<Counted>(
      "SELECT id::text AS id, count(*)::text AS n FROM fhir_resource_history WHERE id = ANY($1::uuid[]) GROUP BY id",
      [ids],
    );
    const audited = await db.sql.query<Counted>(
      `SELECT split_part(entity, '/', 2) AS id, count(*)::text AS n FROM audit_event
       WHERE patient_id = $1::uuid AND interaction = 'create' AND outcome = 'success' GROUP BY entity`,
      [patientId],
    );
    const once = (rows: Counted[]) => Object.fromEntries(rows.map((r) => [r.id, Number(r.n)]));
    const expected = Object.fromEntries(ids.map((id) => [id, 1]));
    expect(once(resources)).toEqual(expected);
    expect(once(history)).toEqual(expected);
    expect(once(audited)).toMatchObject(expected);
  });

  it("has no resource without its audit row, no audit row without its resource, no document without its file", async () => {
    const orphans = await db.sql.query<{ id: string; side: string }>(
      `SELECT r.id::text AS id, 'resource without audit row' AS side FROM fhir_resource r
         WHERE r.patient_id = $1::uuid AND NOT EXISTS (
           SELECT 1 FROM audit_event a WHERE a.patient_id = $1::uuid AND a.entity = r.resource_type || '/' || r.id::text
             AND a.interaction = 'create' AND a.outcome = 'success')
       UNION ALL
       SELECT a.entity, 'audit row without resource' FROM audit_event a
         WHERE a.patient_id = $1::uuid AND a.interaction = 'create' AND NOT EXISTS (
           SELECT 1 FROM fhir_resource r WHERE a.entity = r.resource_type || '/' || r.id::text)
       UNION ALL
       SELECT r.id::text, 'Binary without stored bytes' FROM fhir_resource r
         WHERE r.patient_id = $1::uuid AND r.resource_type = 'Binary' AND NOT r.deleted AND NOT EXISTS (SELECT 1 FROM binary_content b WHERE b.id = r.id)
       UNION ALL
       SELECT r.id::text, 'deleted Binary still holding bytes' FROM fhir_resource r
         WHERE r.patient_id = $1::uuid AND r.resource_type = 'Binary' AND r.deleted AND EXISTS (SELECT 1 FROM binary_content b WHERE b.id = r.id)
       UNION ALL
       SELECT d.id::text, 'document without its Binary' FROM fhir_resource d
         WHERE d.patient_id = $1::uuid AND d.resource_type = 'DocumentReference' AND NOT EXISTS (
           SELECT 1 FROM fhir_resource b WHERE b.resource_type = 'Binary'
             AND 'Binary/' || b.id::text = d.content #>> '{content,0,attachment,url}')`,
      [patientId],
    );
    expect(orphans).toEqual([]);
    const [count] = await db.sql.query<{ n: string }>("SELECT count(*)::text AS n FROM fhir_resource WHERE patient_id = $1::uuid", [patientId]);
    // The Patient, the acknowledged writes, and at most what the writers committed but had not yet said.
    const acknowledged = 1 + acks.reduce((n, ack) => n + (ack.binary ? 2 : 1), 0);
    expect(Number(count!.n)).toBeGreaterThanOrEqual(acknowledged);
    expect(Number(count!.n)).toBeLessThanOrEqual(acknowledged + 3 * 2);
  });

  it("leaves the patient's audit chain intact, and the database takes writes again", async () => {
    expect((await verifyAuditChain(db.sql, { patientIds: [patientId] })).problems).toBe(0);
    const repo = new Repository(db, { kind: "patient", accountId: newId(), patientId });
    const condition = await repo.create(aCondition({ patientId }));
    expect((await repo.read("Condition", condition.id!)).id).toBe(condition.id);
    expect((await verifyAuditChain(db.sql, { patientIds: [patientId] })).ok).toBe(true);
  });
});
