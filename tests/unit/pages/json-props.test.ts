import { describe, expect, it } from "vitest";
import { jsonProps } from "@/server/pages/json-props";

/** Page props as JSON carries them (the Pages Router's pages): what survives, and what is refused. */
describe("jsonProps", () => {
  it("gives dates as ISO strings and drops undefined members, in nested objects and arrays", () => {
    const when = new Date("2026-12-02T09:30:00Z");
    expect(jsonProps({ when, list: [{ at: when, note: undefined }], none: null })).toEqual({ when: "2026-12-02T09:30:00.000Z", list: [{ at: "2026-12-02T09:30:00.000Z" }], none: null });
  });

  it.each([
    ["a Set", { scopes: new Set(["documents:read"]) }, /Set at "scopes"/],
    ["a Map", { names: new Map([["a", "b"]]) }, /Map at "names"/],
    ["a function", { hrefOf: (id: string) => id }, /function at "hrefOf"/],
  ])("refuses %s, which JSON would lose without a word", (_what, props, message) => {
    expect(() => jsonProps(props)).toThrow(message);
  });
});
