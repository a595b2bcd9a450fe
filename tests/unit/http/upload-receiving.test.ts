import { describe, expect, it } from "vitest";
import { ReceivingBudget } from "@/server/http/upload-receiving";

const MB = 1024 * 1024;

describe("the budget of upload bodies held at once", () => {
  it("refuses bytes past it, lets every body's first MB through (a message without a file), and frees a body's bytes once", () => {
    const budget = new ReceivingBudget(2 * MB);
    const big = budget.lease();
    expect(big.hold(MB)).toBe(true);
    expect(big.hold(MB)).toBe(true);
    expect(big.hold(1)).toBe(false);
    const small = budget.lease();
    expect(small.hold(4096)).toBe(true);
    expect(small.hold(MB)).toBe(false);
    expect(budget.heldBytes).toBe(2 * MB + 4096);
    big.release();
    big.release();
    small.release();
    expect(budget.heldBytes).toBe(0);
  });
});
