import { describe, expect, it } from "vitest";
import { pageLinks } from "@/server/fhir-api/bundle";
import { parseSearch } from "@/server/fhir-api/parse-search";
import { MAX_OFFSET } from "@/server/fhir/search-request";

/** Every paging link the API writes must be one its own parser accepts. */
const URL_BASE = "https://portail.example/api/fhir/R4/DocumentReference";

function followable(url: string) {
  return () => parseSearch("DocumentReference", new URL(url).searchParams);
}

describe("paging links", () => {
  it("offer next and previous pages that parse, up to the last offset the parser accepts", () => {
    for (const offset of [0, 20, 5_000, MAX_OFFSET - 100, MAX_OFFSET - 20, MAX_OFFSET - 1, MAX_OFFSET]) {
      for (const count of [0, 1, 20, 100]) {
        const links = pageLinks(URL_BASE, [["_count", String(count)]], { offset, count, hasMore: true });
        for (const link of links) expect(followable(link.url ?? ""), `${offset}/${count} ${link.relation}`).not.toThrow();
        const next = links.find((link) => link.relation === "next");
        expect(next !== undefined, `${offset}/${count}`).toBe(count > 0 && offset + count <= MAX_OFFSET);
      }
    }
  });
});
