import { describe, expect, it } from "vitest";
import { statusMoveRefused } from "@/server/access/status-moves";

/** A prescription line's final statuses are never left (SECURITY-CASES 46: no dead link revived). */
describe("status moves", () => {
  it.each([
    ["active", "completed", false],
    ["active", "cancelled", false],
    ["on-hold", "active", false],
    ["draft", "active", false],
    ["completed", "completed", false],
    ["completed", "entered-in-error", false],
    ["completed", "active", true],
    ["cancelled", "active", true],
    ["stopped", "on-hold", true],
    ["entered-in-error", "draft", true],
    ["completed", undefined, true],
  ] as const)("MedicationRequest %s → %s refused: %s", (from, to, refused) => {
    expect(statusMoveRefused("MedicationRequest", from, to)).toBe(refused);
  });

  it("leaves other types alone", () => {
    expect(statusMoveRefused("DocumentReference", "superseded", "current")).toBe(false);
    expect(statusMoveRefused("Consent", "inactive", "active")).toBe(false);
  });
});
