import { describe, expect, it } from "vitest";
import { countLabel } from "@/components/documents/documents-list-view";

/** The heading of a documents list: exact, or « plus de » when the count stopped at its bound (list-documents.ts). */
describe("countLabel", () => {
  it.each([
    [0, false, "Aucun document"],
    [1, false, "1 document"],
    [2, false, "2 documents"],
    [999, false, "999 documents"],
    [4873, false, "4\u202f873 documents"],
    [1000, true, "Plus de 1\u202f000 documents"],
    [1980, true, "Plus de 1\u202f980 documents"],
  ])("%i documents, count capped: %s → %s", (total, capped, label) => {
    expect(countLabel(total, capped)).toBe(label);
  });
});
