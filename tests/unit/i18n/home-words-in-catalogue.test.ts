import { describe, expect, it } from "vitest";
import { wordsOutsideCatalogue } from "./words-outside-catalogue";

/**
 * The patient's home takes its words from the catalogue (fr.ts, « patientHome » and
 * « sections »): the guardian's growth card was written in the page itself.
 */
const FILES = ["src/pages/espace/index.tsx", "src/components/home/patient-sections.ts"];

describe("the patient's home page's words", () => {
  it.each(FILES)("are in the catalogue, not in %s", (path) => {
    expect(wordsOutsideCatalogue(path)).toEqual([]);
  });
});
