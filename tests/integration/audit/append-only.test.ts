import type { Condition } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { validateForWrite } from "@/server/fhir/validate";
import { useTestDatabase } from "../../setup/test-database";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";
import { asOwner } from "./owner-sql";

// The trail is append-only (privileges for the app's role, triggers for everyone), and a write
// and its audit row commit or roll back together, while a refusal always leaves its row.
const db = useTestDatabase({ fresh: true });

let alice: string;
let bruno: string;
let asAlice: Actor;
let asBruno: Actor;
let aliceCondition: Condition;
let someRow: string;

beforeAll(async () => {
  // The validator's index, built outside any write's transaction (it is slow on a loaded machine).
  validateForWrite(aPatient());
  const system = await systemRepository("append-only-tests");
  alice = (await system.create(aPatient({ given: "Alice", family: "Trace" }))).id!;
  bruno = (await system.create(aPatient({ given: "Bruno", family: "Trace" }))).id!;
  asAlice = { kind: "patient", accountId: newId(), patientId: alice };
  asBruno = { kind: "patient", accountId: newId(), patientId: bruno };
  aliceCondition = await (await createRepository(asAlice)).create(aCondition({ patientId: alice }));
  someRow = (await db().prisma.auditEvent.findFirstOrThrow({ where: { patientId: alice } })).id;
});

const rowsOf = (patientId: string, entity?: string) =>
  db().prisma.auditEvent.findMany({ where: { patientId, ...(entity ? { entity } : {}) }, orderBy: { seq: "asc" } });

const PRIVILEGE = /permission denied/i;
const TRIGGER = /append-only/i;

describe("as the app's role, the database refuses to rewrite the trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of audit_event (no privilege)", async () => {
    const { sql } = db();
    await expect(sql.query("UPDATE audit_event SET outcome = 'success' WHERE id = $1::uuid", [someRow])).rejects.toThrow(PRIVILEGE);
    await expect(sql.query("DELETE FROM audit_event WHERE id = $1::uuid", [someRow])).rejects.toThrow(PRIVILEGE);
    await expect(sql.exec("TRUNCATE audit_event")).rejects.toThrow(PRIVILEGE);
    expect(await db().prisma.auditEvent.findUnique({ where: { id: someRow } })).not.toBeNull();
  });

  it("refuses the same through Prisma, as the app's code would try", async () => {
    const { prisma } = db();
    await expect(prisma.auditEvent.update({ where: { id: someRow }, data: { outcome: "denied" } })).rejects.toThrow();
    await expect(prisma.auditEvent.deleteMany({ where: { patientId: alice } })).rejects.toThrow();
    await expect(prisma.auditChainHead.updateMany({ data: { hash: "" } })).rejects.toThrow();
    expect((await rowsOf(alice)).length).toBeGreaterThan(0);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: someRow } })).outcome).toBe("success");
  });

  it("refuses any change of the chain heads, and switching the triggers off", async () => {
    const { sql } = db();
    await expect(sql.query("UPDATE audit_chain_head SET seq = 0")).rejects.toThrow(PRIVILEGE);
    await expect(sql.query("DELETE FROM audit_chain_head")).rejects.toThrow(PRIVILEGE);
    await expect(sql.query("INSERT INTO audit_chain_head (chain_key, seq, hash) VALUES ('x', 1, '')")).rejects.toThrow(PRIVILEGE);
    await expect(sql.exec("ALTER TABLE audit_event DISABLE TRIGGER ALL")).rejects.toThrow(/must be owner|permission denied/i);
    await expect(sql.exec("SET session_replication_role = replica")).rejects.toThrow(PRIVILEGE);
  });

  it("lets the app's role insert rows, which the trigger chains whatever position and hash it claims", async () => {
    const id = newId();
    await db().sql.query(
      `INSERT INTO audit_event (id, recorded, agent, actor_kind, patient_id, interaction, outcome, chain_seq, prev_hash, hash)
       VALUES ($1::uuid, now(), 'System/x', 'system', $2::uuid, 'read', 'success', 1, '', 'forged')`,
      [id, alice],
    );
    const row = await db().prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(row.chainSeq)).toBe((await rowsOf(alice)).length);
    expect((await verifyAuditChain(db().sql, { patientIds: [alice] })).ok).toBe(true);
  });
});

describe("even as the owner, triggers refuse to rewrite the trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of audit_event, and TRUNCATE of the heads", async () => {
    await asOwner(db(), async (owner) => {
      await expect(owner.query("UPDATE audit_event SET outcome = 'denied' WHERE id = $1::uuid", [someRow])).rejects.toThrow(TRIGGER);
      await expect(owner.query("DELETE FROM audit_event WHERE id = $1::uuid", [someRow])).rejects.toThrow(TRIGGER);
      await expect(owner.exec("TRUNCATE audit_event")).rejects.toThrow(TRIGGER);
      await expect(owner.exec("TRUNCATE audit_chain_head")).rejects.toThrow(TRIGGER);
    });
    expect((await db().prisma.auditEvent.findUniqueOrThrow({ where: { id: someRow } })).outcome).toBe("success");
  });
});

describe("a write and its audit row commit together", () => {
  it("a use case that fails after writing rolls back the resource and its audit row", async () => {
    const repo = await createRepository(asAlice);
    let createdId = "";
    await expect(
      repo.transaction(async (scope) => {
        createdId = (await scope.create(aCondition({ patientId: alice }))).id!;
        throw new Error("the use case fails after its write");
      }),
    ).rejects.toThrow("the use case fails");
    expect(createdId).not.toBe("");
    expect(await db().prisma.resource.findUnique({ where: { id: createdId } })).toBeNull();
    expect(await rowsOf(alice, `Condition/${createdId}`)).toEqual([]);
  });

  it("a write whose audit row cannot be stored is not stored either, and the chain stays whole", async () => {
    await asOwner(db(), (owner) =>
      owner.exec(`CREATE FUNCTION test_audit_outage() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.agent_name = 'panne-audit' THEN RAISE EXCEPTION 'audit storage unavailable'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER test_audit_outage BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION test_audit_outage();`),
    );
    try {
      const before = await db().prisma.resource.count({ where: { patientId: alice } });
      const repo = await createRepository(asAlice, { agentName: "panne-audit" });
      await expect(repo.create(aCondition({ patientId: alice }))).rejects.toThrow();
      expect(await db().prisma.resource.count({ where: { patientId: alice } })).toBe(before);
    } finally {
      await asOwner(db(), (owner) => owner.exec("DROP TRIGGER test_audit_outage ON audit_event; DROP FUNCTION test_audit_outage();"));
    }
    expect((await verifyAuditChain(db().sql, { patientIds: [alice] })).ok).toBe(true);
  });

  it("an update refused for a stale version (412) changes nothing and writes no update row", async () => {
    // The system may update a Condition (a patient only adds them).
    const repo = await systemRepository("append-only-tests");
    const entity = `Condition/${aliceCondition.id}`;
    const before = await rowsOf(alice, entity);
    await expect(repo.update({ ...aliceCondition, note: [{ text: "x" }] }, { ifMatch: "7" })).rejects.toMatchObject({ status: 412 });
    expect((await repo.read<Condition>("Condition", aliceCondition.id!)).meta?.versionId).toBe("1");
    const after = await rowsOf(alice, entity);
    expect(after.filter((r) => r.interaction === "update")).toEqual([]);
    expect(after.length).toBe(before.length + 1); // the read just above
  });
});

describe("a refusal leaves a denial row in the patient's trail", () => {
  it("a read, an update, a delete and a create refused to another patient", async () => {
    const repo = await createRepository(asBruno, { agentName: "Bruno Trace", address: "198.51.100.4" });
    const entity = `Condition/${aliceCondition.id}`;
    await expect(repo.read("Condition", aliceCondition.id!)).rejects.toMatchObject({ status: 404 });
    await expect(repo.update({ ...aliceCondition, note: [{ text: "x" }] })).rejects.toMatchObject({ status: 404 });
    await expect(repo.delete("Condition", aliceCondition.id!)).rejects.toMatchObject({ status: 404 });
    const forged = await repo.create(aCondition({ patientId: alice })).then(
      () => "created",
      (error: { status?: number }) => error.status,
    );
    expect(forged).toBe(404);
    const denials = (await rowsOf(alice)).filter((r) => r.agent === `Patient/${bruno}`);
    expect(denials.map((r) => [r.interaction, r.outcome, r.entity?.startsWith("Condition/")])).toEqual([
      ["read", "denied", true],
      ["update", "denied", true],
      ["delete", "denied", true],
      ["create", "denied", true],
    ]);
    expect(denials.slice(0, 3).every((r) => r.entity === entity && r.agentName === "Bruno Trace" && r.address === "198.51.100.4")).toBe(true);
    expect(await db().prisma.resource.count({ where: { patientId: alice, resourceType: "Condition" } })).toBe(1);
    expect((await verifyAuditChain(db().sql, { patientIds: [alice, bruno] })).ok).toBe(true);
  });
});
