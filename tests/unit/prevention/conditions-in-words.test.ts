import { describe, expect, it } from "vitest";
import { conditionsInWords } from "@/server/prevention/evaluators/context";
import { itemFor, person } from "./person";

/**
 * The conditions of a rule as a person reads them in « Pourquoi ? »: each once, the last after
 * « ou ». The RSV card read « un asthme, un asthme sévère, une bronchopneumopathie… ».
 */
describe("a rule's conditions in words", () => {
  it.each([
    { conditions: [], words: "" },
    { conditions: ["copd"], words: "une bronchopneumopathie chronique obstructive (BPCO)" },
    { conditions: ["severe-asthma"], words: "un asthme sévère" },
    { conditions: ["asthma", "severe-asthma"], words: "un asthme" },
    { conditions: ["severe-asthma", "asthma", "heart-failure"], words: "un asthme ou une insuffisance cardiaque" },
    {
      conditions: ["asthma", "severe-asthma", "copd", "heart-failure"],
      words: "un asthme, une bronchopneumopathie chronique obstructive (BPCO) ou une insuffisance cardiaque",
    },
  ] as const)("$conditions → « $words »", ({ conditions, words }) => {
    expect(conditionsInWords(conditions)).toBe(words);
  });

  it("says each condition once on the RSV card of a person who is not of age yet, and on the flu card", () => {
    const rsv = itemFor(person({ born: "1970-04-02" }), "RSV_OLDER", "2026-12-07");
    expect(rsv.status).toBe("NOT_DUE");
    expect(rsv.reason).toContain("dès 65 ans pour les personnes ayant un asthme, une bronchopneumopathie chronique obstructive (BPCO) ou une insuffisance cardiaque");
    const flu = itemFor(person({ born: "1970-04-02" }), "FLU", "2026-12-07");
    for (const item of [rsv, flu]) {
      expect(item.reason).not.toContain("asthme sévère");
      expect(item.reason.match(/un asthme/g)).toHaveLength(1);
    }
  });
});
