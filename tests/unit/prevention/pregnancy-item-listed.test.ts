import { describe, expect, it } from "vitest";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { concernsPerson } from "@/server/prevention/concerns-person";
import { addDays, addYears } from "@/server/prevention/days";
import { recommend } from "@/server/prevention/recommend";
import { person } from "./person";

/**
 * « Coqueluche pendant la grossesse » as information (not applicable) is listed only for women of
 * childbearing age, 15 to 49 (concerns-person.ts): a man's calendar and a baby's listed it. The
 * engine still gives the item to everyone; only the listing changes. Each row: a person on a day.
 */
const on = "2025-06-15";
const item = (facts: ReturnType<typeof person>) => {
  const found = recommend(facts, FR_2025, on).find((i) => i.item === "PERTUSSIS_PREGNANCY");
  if (!found) throw new Error("no pregnancy item");
  return found;
};

describe("the pregnancy's pertussis item, listed as information only where it can concern the person", () => {
  it.each([
    { who: "a man of 30", sex: "male" as const, born: addYears(on, -30), listed: false },
    { who: "a baby girl of 3 months", sex: "female" as const, born: addDays(on, -91), listed: false },
    { who: "a girl the day before her 15th birthday", sex: "female" as const, born: addDays(addYears(on, -15), 1), listed: false },
    { who: "a girl on her 15th birthday", sex: "female" as const, born: addYears(on, -15), listed: true },
    { who: "a woman of 30", sex: "female" as const, born: addYears(on, -30), listed: true },
    { who: "a woman the day before her 50th birthday", sex: "female" as const, born: addDays(addYears(on, -50), 1), listed: true },
    { who: "a woman on her 50th birthday", sex: "female" as const, born: addYears(on, -50), listed: false },
    { who: "a woman of 70", sex: "female" as const, born: addYears(on, -70), listed: false },
    { who: "a person of 30 whose sex is recorded « other »", sex: "other" as const, born: addYears(on, -30), listed: true },
    { who: "a person of 30 whose sex is not recorded", sex: "unknown" as const, born: addYears(on, -30), listed: true },
  ])("$who: listed $listed", ({ sex, born, listed }) => {
    const facts = person({ born, sex });
    const found = item(facts);
    expect(found.status).toBe("NOT_APPLICABLE");
    expect(concernsPerson(found, { sex, birthDate: born }, on)).toBe(listed);
  });

  it("a pregnancy in the record lists the item at any age (due, not information)", () => {
    const born = addYears(on, -13);
    const found = item(person({ born, sex: "female", conditions: ["pregnancy"], pregnancyStart: addDays(on, -22 * 7) }));
    expect(found.status).toBe("DUE");
    expect(concernsPerson(found, { sex: "female", birthDate: born }, on)).toBe(true);
  });

  it("every other item not applicable to a man stays listed", () => {
    const born = addYears(on, -30);
    for (const other of recommend(person({ born, sex: "male" }), FR_2025, on).filter((i) => !["PERTUSSIS_PREGNANCY", "RSV_PREGNANCY"].includes(i.item))) {
      expect(concernsPerson(other, { sex: "male", birthDate: born }, on), other.item).toBe(true);
    }
  });
});
