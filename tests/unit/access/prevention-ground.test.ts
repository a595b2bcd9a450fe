import { describe, expect, it } from "vitest";
import type { Decision } from "@/server/access/decision";
import { preventionRefusalOf } from "@/server/access/prevention-ground";

/** Prevention follows the ground a reader is let in on (prevention-ground.ts): never break-glass alone. */
describe("the prevention calendar, by the decision on the vaccinations", () => {
  it.each<[string, Decision, string | undefined]>([
    ["the patient herself", { allow: true, reason: "own-space" }, undefined],
    ["a guardian, a caregiver", { allow: true, reason: "delegation" }, undefined],
    ["a professional she authorises (with or without an emergency open)", { allow: true, reason: "authorised" }, undefined],
    ["a professional let in by an emergency access alone", { allow: true, reason: "emergency" }, "not-authorised"],
    ["a professional she blocked", { allow: false, reason: "blocked" }, "blocked"],
    ["a professional never let in", { allow: false, reason: "not-authorised" }, "not-authorised"],
  ])("%s", (_who, decision, refusal) => {
    expect(preventionRefusalOf(decision)).toBe(refusal);
  });
});
