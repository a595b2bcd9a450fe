import type { MedicationDispense, MedicationRequest, Resource } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { newId } from "@/lib/fhir/builders/ids";
import { aDispense, type PrescriptionLine } from "@/lib/fhir/builders/prescriptions";
import { MAX_COUNT } from "@/server/fhir/search-request";
import { readAllPrescriptions, readPrescription } from "@/server/prescriptions/read-prescriptions";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, LINES, type World } from "./world";

const db = useTestDatabase();
const TYPES = ["MedicationRequest", "MedicationDispense"] as const;

let world: World;
let big: { prescriptionId: string; requests: MedicationRequest[] };

/**
 * Jean's prescription with more lines than a page holds, each handed over once, so both types go
 * past their first page; and a prescription of his that stays small.
 */
beforeAll(async () => {
  world = await buildWorld();
  const lines: PrescriptionLine[] = Array.from({ length: MAX_COUNT + 2 }, (_, i) => ({ ...LINES[i % 2]!, medication: `Médicament ${i}` }));
  big = await world.addPrescription(world.jeanId, { authoredOn: new Date(Date.now() - 86_400_000).toISOString(), lines });
  const pharmacyId = newId();
  for (const [i, request] of big.requests.entries()) {
    await world.system.create(aDispense({ request, pharmacyId, whenHandedOver: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), quantity: 1 }));
  }
}, 120_000);

/** Both types as they were read before one statement found them: each alone, page after page. */
async function oneByOne(actor: Actor, patientId: string, group?: string): Promise<Map<string, string[]>> {
  const repo = await world.repoFor(actor);
  const found = new Map<string, string[]>();
  for (const type of TYPES) {
    const ids: string[] = [];
    for (let offset = 0; ; offset += MAX_COUNT) {
      const page = await repo.search<Resource>(type, { patientId, group: group ? [group] : undefined, count: MAX_COUNT, offset, sort: "-date" });
      ids.push(...page.resources.map((r) => r.id!));
      if (!page.hasMore) break;
    }
    found.set(type, ids);
  }
  return found;
}

const lastSeq = async () => (await db().prisma.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;

type SearchRow = { entity: string | null; interaction: string; outcome: string; reason: string | null; detail: unknown };
const stableOrder = (rows: SearchRow[]) => rows.sort((a, b) => `${a.entity}${JSON.stringify(a.detail)}`.localeCompare(`${b.entity}${JSON.stringify(b.detail)}`));

/** The search rows of both types, or of the two together, left between two points of the trail, in a stable order. */
async function searchRows(patientId: string, after: bigint, upTo: bigint): Promise<SearchRow[]> {
  const rows = await db().prisma.auditEvent.findMany({
    where: { patientId, seq: { gt: after, lte: upTo }, entity: { in: [...TYPES, TYPES.join(",")] }, interaction: "search" },
    select: { entity: true, interaction: true, outcome: true, reason: true, detail: true },
  });
  return stableOrder(rows);
}

/**
 * The rows the searches alone left, their two first pages' rows told as the one search of both
 * types that read them together (types-searched.ts: one row, what it found of each). A refusal
 * stays each type's own row.
 */
function asOneSearch(rows: SearchRow[]): SearchRow[] {
  const firstPage = (type: string) => rows.find((row) => row.entity === type && row.outcome === "success" && (row.detail as { offset?: number }).offset === 0);
  const firsts = TYPES.map(firstPage);
  if (!firsts.every((row) => row !== undefined)) return rows;
  const counts = firsts.map((row) => (row.detail as { results: number }).results);
  const together: SearchRow = {
    entity: TYPES.join(","),
    interaction: "search",
    outcome: "success",
    reason: null,
    detail: { results: counts[0]! + counts[1]!, offset: 0, "results.MedicationRequest": counts[0], "results.MedicationDispense": counts[1] },
  };
  return stableOrder([...rows.filter((row) => !firsts.includes(row)), together]);
}

const ids = (resources: (MedicationRequest | MedicationDispense)[]) => resources.map((r) => r.id);

/**
 * The prescription's pages read its lines and dispensations in one statement (issue 16): each
 * type must still be filtered by the actor's own rules, found in the same order page after page,
 * and the trail must say what was found of each, in the one row of the search of both types.
 */
describe("a prescription's lines and dispensations searched together", () => {
  it("find, for every actor, what two searches find, past the first page, told in the trail as one search of both", async () => {
    const actors: Record<string, Actor> = {
      "Jean himself": world.actors.jean,
      "Camille, his caregiver (read and share)": world.actors.camilleForJean,
      "Nadia, his caregiver (read only)": world.actors.nadiaForJean,
      "a pharmacy through a link to this prescription": world.linkActor(newId(), world.jeanId, big.prescriptionId),
      "a pharmacy through a link to another prescription": world.linkActor(newId(), world.jeanId, world.jeanActive.prescriptionId),
      "Dr Bernard, not authorised by Jean": world.actors.bernard,
    };
    const seen: Record<string, number[]> = {};
    for (const [label, actor] of Object.entries(actors)) {
      const before = await lastSeq();
      const expected = await oneByOne(actor, world.jeanId, big.prescriptionId);
      const between = await lastSeq();
      const read = await readPrescription(await world.repoFor(actor), world.jeanId, big.prescriptionId, new Date());
      const after = await lastSeq();
      expect(read ? [ids(read.requests), ids(read.dispenses)] : [[], []], label).toEqual(TYPES.map((type) => expected.get(type)));
      // The first pages of both types leave one row, the search of both, saying what it found of
      // each; the next pages are searches of their own, alone as before.
      const firstPages = (rows: SearchRow[]) => rows.filter((row) => (row.detail as { offset?: number } | null)?.offset !== MAX_COUNT);
      expect(firstPages(await searchRows(world.jeanId, between, after)), label).toEqual(asOneSearch(firstPages(await searchRows(world.jeanId, before, between))));
      seen[label] = TYPES.map((type) => expected.get(type)!.length);
    }
    // What each actor may see differs: the rules of each were applied, not one for both types.
    expect(seen).toEqual({
      "Jean himself": [MAX_COUNT + 2, MAX_COUNT + 2],
      "Camille, his caregiver (read and share)": [MAX_COUNT + 2, MAX_COUNT + 2],
      "Nadia, his caregiver (read only)": [MAX_COUNT + 2, MAX_COUNT + 2],
      "a pharmacy through a link to this prescription": [MAX_COUNT + 2, MAX_COUNT + 2],
      "a pharmacy through a link to another prescription": [0, 0],
      "Dr Bernard, not authorised by Jean": [0, 0],
    });
  });

  it("the prescriptions page reads the whole space: every line and dispensation of every prescription", async () => {
    const expected = await oneByOne(world.actors.jean, world.jeanId);
    const all = await readAllPrescriptions(await world.repoFor(world.actors.jean), world.jeanId, new Date());
    const lines = all.flatMap((p) => p.lines.map((l) => l.requestId)).sort();
    expect(lines).toEqual([...expected.get("MedicationRequest")!].sort());
    expect(all.find((p) => p.id === big.prescriptionId)?.dispensations).toHaveLength(MAX_COUNT + 2);
  });
});
