import type { AuditEvent } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../setup/test-database";
import { bundleOf, fhir, idsOf, isOutcome, sameOrigin, type Answer } from "./http";
import { expectedStatus, mayRead, offered, type Interaction } from "./matrix-expectations";
import { ACTORS, buildMatrixWorld, OWNERS, SESSIONLESS, TYPES, type ActorName, type MatrixWorld, type Owner, type Target, type TargetType } from "./matrix-world";

const db = useTestDatabase();

/**
 * The authorisation matrix through HTTP: every route (read, vread, history, search by patient,
 * create, update, delete) × every persona × every resource type of the four records, each
 * answer compared with what the personas' story says (matrix-expectations.ts). A leak is a
 * success or a search entry where the story says "not visible" (or "may not"): there must be
 * none, and what is not visible answers exactly like what does not exist.
 */
let world: MatrixWorld;
let notFoundText = "";
const cells: { cell: string; expected: number; got: number }[] = [];
const leaks: string[] = [];

beforeAll(async () => {
  world = await buildMatrixWorld(db);
  notFoundText = (await fhir("GET", "DocumentReference/00000000-0000-4000-8000-0000000dead1", { cookie: world.sessions.camille.cookie })).text;
}, 120_000);

function cookieOf(actor: ActorName): string | undefined {
  if (actor === "anonymous") return undefined;
  if (actor === "pharmacist") return world.pharmacistCookie;
  return world.sessions[actor].cookie;
}

function check(cell: string, expected: number, answer: Answer, visible: boolean) {
  cells.push({ cell, expected, got: answer.status });
  if (!visible && answer.status >= 200 && answer.status < 300 && expected >= 400) leaks.push(`${cell} → ${answer.status}`);
  expect(answer.status, `${cell}: ${answer.text.slice(0, 300)}`).toBe(expected);
  expect(answer.headers.get("content-type") ?? "", cell).toMatch(expected === 204 ? /^$/ : /^application\/fhir\+json/);
  if (expected >= 400) expect(isOutcome(answer), cell).toBe(true);
  // Not visible reads exactly like nonexistent: same status, same body.
  if (expected === 404) expect(answer.text, cell).toBe(notFoundText);
}

function searchPath(type: TargetType, owner: Owner): string {
  const patientId = world.patients[owner];
  return type === "Patient" ? `Patient?_id=${patientId}` : `${type}?patient=${patientId}&_count=100`;
}

async function readCells(actor: ActorName) {
  const cookie = cookieOf(actor);
  for (const target of world.targets) {
    const visible = mayRead(actor, target);
    const routes: [Interaction, string][] = [
      ["read", `${target.type}/${target.id}`],
      ["vread", `${target.type}/${target.id}/_history/1`],
      ["history", `${target.type}/${target.id}/_history`],
    ];
    for (const [interaction, path] of routes) {
      const answer = await fhir("GET", path, { cookie });
      check(`${actor} ${interaction} ${target.owner}'s ${target.kind} ${target.type}`, expectedStatus(actor, interaction, target.type, target.owner, target), answer, visible);
    }
  }
  for (const owner of OWNERS) {
    for (const type of TYPES) {
      const cell = `${actor} search ${owner}'s ${type}`;
      const answer = await fhir("GET", searchPath(type, owner), { cookie });
      const ofOwner = world.targets.filter((t) => t.owner === owner && t.type === type);
      check(cell, expectedStatus(actor, "search", type, owner), answer, ofOwner.some((t) => mayRead(actor, t)));
      if (answer.status !== 200) continue;
      const found = idsOf(answer);
      if (type === "AuditEvent") {
        const visible = ofOwner.some((t) => mayRead(actor, t));
        if (!visible) leaks.push(...found.map((id) => `${cell} → AuditEvent/${id}`));
        expect(found.length > 0, cell).toBe(visible);
        // A trail the actor may read still says nothing of a resource they may not see.
        for (const entry of bundleOf(answer).entry ?? []) {
          const event = entry.resource as AuditEvent;
          for (const entity of event.entity ?? []) {
            const id = entity.what?.reference?.split("/")[1];
            const about = world.targets.find((t) => t.id === id && t.type !== "Patient");
            if (about && !mayRead(actor, about)) leaks.push(`${cell} → AuditEvent/${event.id} about ${about.kind} ${about.type}`);
          }
        }
        continue;
      }
      const expected = ofOwner.filter((t) => mayRead(actor, t)).map((t) => t.id);
      leaks.push(...found.filter((id) => !expected.includes(id)).map((id) => `${cell} → ${type}/${id}`));
      expect(found.sort(), cell).toEqual(expected.sort());
      expect(bundleOf(answer).type).toBe("searchset");
    }
  }
}

async function writeCells(actor: ActorName) {
  const cookie = cookieOf(actor);
  const headers = sameOrigin();
  for (const owner of OWNERS) {
    for (const type of TYPES) {
      const answer = await fhir("POST", type, { cookie, headers, body: world.bodyFor(type, owner) });
      check(`${actor} create ${type} in ${owner}'s record`, expectedStatus(actor, "create", type, owner), answer, false);
    }
  }
  for (const target of world.targets) {
    const update = await fhir("PUT", `${target.type}/${target.id}`, { cookie, headers, body: target.resource ?? world.bodyFor(target.type, target.owner) });
    check(`${actor} update ${target.owner}'s ${target.kind} ${target.type}`, expectedStatus(actor, "update", target.type, target.owner, target), update, false);
    const deletable = !SESSIONLESS.includes(actor) && offered(target.type, "delete");
    // A copy with the same facts, so a permitted delete leaves the world as the next actor expects it.
    const id = deletable ? await world.copyOf(target) : target.id;
    const removed = await fhir("DELETE", `${target.type}/${id}`, { cookie, headers });
    const copy: Target = { ...target, id };
    check(`${actor} delete ${target.owner}'s ${target.kind} ${target.type}`, expectedStatus(actor, "delete", target.type, target.owner, copy), removed, false);
  }
}

describe("the authorisation matrix through the FHIR API", () => {
  for (const actor of ACTORS) {
    it(`answers ${actor}'s reads and searches as the story says`, () => readCells(actor), 120_000);
  }
  for (const actor of ACTORS) {
    it(`answers ${actor}'s creates, updates and deletes as the story says`, () => writeCells(actor), 120_000);
  }
  it("leaks nothing", () => {
    console.log(`authorisation matrix: ${cells.length} cells, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    expect(cells.filter((c) => c.expected !== c.got)).toEqual([]);
    expect(cells.length).toBeGreaterThan(1000);
  });
});
