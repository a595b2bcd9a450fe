import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { auditRow, insertAuditRows } from "@/server/audit/write-audit";
import { getDocument } from "@/server/documents/get-document";
import { HISTORY_PAGE_SIZE, listAccessHistory } from "@/server/history/list-access-history";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();

/**
 * SECURITY-CASES 45 on the access history page: a real access by a professional stays on the
 * first page, ahead of the patient's own views and of thousands of refused attempts; and every
 * page of a long trail can be reached (there was a ceiling at 200 pages of 50).
 */
let world: World;
let letterId = "";
beforeAll(async () => {
  world = await buildWorld();
  letterId = (await world.addDocument({ patientId: world.ids.jean, kind: "discharge", title: "Lettre de sortie" })).id!;
}, 120_000);

/** Rows as the repository writes them, in bulk (a flood made through the API costs minutes). */
async function flood(actor: Actor, count: number, outcome: "success" | "denied", from: Date) {
  for (let done = 0; done < count; done += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - done) }, (_, i) =>
      auditRow(actor, {}, { patientId: world.ids.jean, entity: `DocumentReference/${letterId}`, interaction: "read", outcome, reason: outcome === "denied" ? "no-access" : undefined }, new Date(from.getTime() + done + i)),
    );
    await insertAuditRows(db().sql, rows);
  }
}

describe("the access history page's order and paging (case 45)", () => {
  it("puts others' accesses first, then refused attempts, then the patient's own actions", async () => {
    const start = new Date();
    await flood(world.actors.petit, 3000, "denied", new Date(start.getTime() + 1));
    await flood(world.actors.jean, 500, "success", new Date(start.getTime() + 10_000));
    // The one access that matters, before the flood and the patient's views in time.
    await getDocument(await world.repoFor(world.actors.bernard, "Dr Sophie Bernard"), letterId);

    const jean = await world.repoFor(world.actors.jean);
    const first = await listAccessHistory(jean, world.ids.jean, 1);
    const bernard = first.entries.find((e) => e.who === "Dr Sophie Bernard" && e.interaction === "read");
    expect(bernard).toMatchObject({ outcome: "success", group: "others" });
    expect(first.entries[0]!.group).toBe("others");
    const groups = first.entries.map((e) => e.group);
    const rank = { others: 0, refused: 1, own: 2 } as const;
    expect(groups.map((g) => rank[g])).toEqual([...groups.map((g) => rank[g])].sort((a, b) => a - b));
    expect(first.groups.refused).toBeGreaterThanOrEqual(3000);
    expect(first.groups.own).toBeGreaterThanOrEqual(500);
    expect(first.total).toBe(first.groups.others + first.groups.refused + first.groups.own);

    // The last page holds the patient's own oldest actions.
    const last = await listAccessHistory(jean, world.ids.jean, first.pageCount);
    expect(last.page).toBe(first.pageCount);
    expect(last.entries.at(-1)!.group).toBe("own");
  });

  it("pages through a trail past 10,000 entries, with the right count and no ceiling", async () => {
    await flood(world.actors.petit, 10_000, "denied", new Date(Date.now() + 60_000));
    const jean = await world.repoFor(world.actors.jean);
    const first = await listAccessHistory(jean, world.ids.jean, 1);
    expect(first.total).toBeGreaterThan(13_000);
    expect(first.pageCount).toBe(Math.ceil(first.total / HISTORY_PAGE_SIZE));
    expect(first.pageCount).toBeGreaterThan(260);

    const deep = await listAccessHistory(jean, world.ids.jean, 250);
    expect(deep.page).toBe(250);
    expect(deep.entries).toHaveLength(HISTORY_PAGE_SIZE);
    // Each look at the history is itself a row of Jean's own group: compare with the page's own count.
    const last = await listAccessHistory(jean, world.ids.jean, first.pageCount);
    expect(last.entries.length).toBe(last.total - (last.pageCount - 1) * HISTORY_PAGE_SIZE);
    expect(last.entries.at(-1)!.group).toBe("own");
    // Past the end: the last page, not an empty one.
    const beyond = await listAccessHistory(jean, world.ids.jean, first.pageCount + 1000);
    expect(beyond.page).toBe(beyond.pageCount);
    expect(beyond.entries.length).toBeGreaterThan(0);
  }, 120_000);
});
