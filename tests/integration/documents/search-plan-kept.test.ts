import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/server/db/client";
import { searchResources } from "@/server/fhir/search";
import { useTestDatabase } from "../../setup/test-database";
import { plansOf, recorder, type Sent } from "../plan-probe";
import { buildWorld, type World } from "./world";

useTestDatabase();

/**
 * A search's first page with `OFFSET $n` in its text never kept its plan: the generic plan, costed
 * for an unknown offset, always looked dearer than one made for the values at hand, so it was
 * planned again on every page view (issue 16). plan-probe.ts prepares what a search really sends.
 */
let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

describe("a search's first page, run again and again", () => {
  it("keeps its plan (the sharing page's rules, a search by status)", async () => {
    const { sql } = await database();
    const sent: Sent[] = [];
    const camille = await world.repoFor(world.actors.camille);
    await searchResources(camille, recorder(sql, sent), "Consent", { patientId: world.ids.camille, status: ["active"], count: 100 });
    const page = sent.find((s) => s.text.includes("ORDER BY"));
    expect(page, "the search's page statement").toBeDefined();
    const plans = await plansOf(page!);
    expect(plans.generic).toBeGreaterThan(0);
    expect(plans.custom).toBeLessThanOrEqual(5);
  });

  it("still pages past the first page", async () => {
    const camille = await world.repoFor(world.actors.camille);
    for (let i = 0; i < 3; i++) await world.addDocument({ kind: "lab", title: `Bilan ${i}`, date: `2024-0${i + 1}-01T10:00:00Z` });
    const first = await camille.search("DocumentReference", { patientId: world.ids.camille, count: 2 });
    const second = await camille.search("DocumentReference", { patientId: world.ids.camille, count: 2, offset: 2 });
    expect(first.hasMore).toBe(true);
    expect(second.offset).toBe(2);
    const ids = [...first.resources, ...second.resources].map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });
});
