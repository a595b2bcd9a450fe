import { describe, expect, it } from "vitest";
import { FR_2025 } from "@/server/prevention/calendars/fr-2025";
import { groupItems } from "@/server/prevention/group-items";
import { newDueItems } from "@/server/prevention/new-due-items";
import { recommend } from "@/server/prevention/recommend";
import { person } from "./person";

/**
 * The rest of the calendar lists what begins within five years (group-items.ts says why): a
 * baby's page named breast screening « en 2076 », shingles and RSV for the elderly. Each row: a
 * person on a day, items the rest lists, and items it leaves out.
 */
const listed = (facts: ReturnType<typeof person>, on: string) => {
  const groups = groupItems(recommend(facts, FR_2025, on), on);
  return { later: groups.later.map((i) => i.item), beyond: groups.beyond, groups };
};

describe("the rest of the calendar: what begins more than five years ahead is not listed", () => {
  it.each([
    {
      who: "a girl of 3 months",
      facts: person({ born: "2025-03-15", sex: "female" }),
      on: "2025-06-15",
      shown: ["DENTAL"],
      hidden: ["SCR_BREAST", "SCR_CRC", "SCR_CERVIX", "ZOSTER", "RSV_OLDER", "PCV20", "DTP_ADULT", "BILAN_PREV", "HPV", "DTCAP_6Y", "DTCAP_11_13", "MENACWY_ADO"],
    },
    {
      who: "a boy of 6",
      facts: person({ born: "2019-01-10", sex: "male", shots: [["dtcap", "2025-01-20"]] }),
      on: "2025-06-15",
      shown: ["DTCAP_11_13", "HPV", "MENACWY_ADO"],
      hidden: ["DTP_ADULT", "BILAN_PREV", "SCR_CRC", "ZOSTER", "RSV_OLDER", "PCV20"],
    },
    {
      who: "a woman of 45, five years before her screenings",
      facts: person({ born: "1980-03-01", sex: "female", shots: [["dtp", "2025-03-05"]], procedures: [["bilan", "2025-04-01"], ["hpv-test", "2024-05-01"]] }),
      on: "2025-06-15",
      shown: ["SCR_BREAST", "SCR_CRC"],
      hidden: ["ZOSTER", "RSV_OLDER", "PCV20"],
    },
    {
      who: "a man of 20",
      facts: person({ born: "2005-01-10", sex: "male" }),
      on: "2025-06-15",
      shown: ["DTP_ADULT"],
      hidden: ["SCR_CRC", "ZOSTER", "RSV_OLDER", "PCV20"],
    },
  ])("$who: lists $shown, not the rest", ({ facts, on, shown, hidden }) => {
    const { later, beyond } = listed(facts, on);
    for (const item of shown) expect(later, item).toContain(item);
    for (const item of hidden) expect(later, item).not.toContain(item);
    expect(beyond).toBeGreaterThan(0);
  });

  it.each([
    // Her 50th birthday five years to the day: listed; the day before her 45th birthday, not yet.
    { on: "2025-03-01", listedNow: true },
    { on: "2025-02-28", listedNow: false },
  ])("an item appears on the day it comes within five years ($on: $listedNow)", ({ on, listedNow }) => {
    const facts = person({ born: "1980-03-01", sex: "female" });
    expect(listed(facts, on).later.includes("SCR_BREAST")).toBe(listedNow);
  });

  it("leaves out a catch-up she is too young for while it applies beyond five years, and lists it once within them", () => {
    const baby = listed(person({ born: "2025-03-15", sex: "female" }), "2025-06-15").groups;
    const rest = [...baby.later, ...baby.notApplicable].map((i) => i.item);
    expect(rest).not.toContain("MENACWY_CATCHUP");
    expect(rest).not.toContain("ROR_CATCHUP");
    // Ten: the MenACWY catch-up (from 15) is within five years, the adult MMR one (from 18) not yet.
    const ten = listed(person({ born: "2015-03-15", sex: "female" }), "2025-06-15").groups.notApplicable.map((i) => i.item);
    expect(ten).toContain("MENACWY_CATCHUP");
    expect(ten).not.toContain("ROR_CATCHUP");
  });

  it.each([
    // A boy of 10 read « Ce dépistage concerne les femmes de 50 à 74 ans » (found in the browser).
    { who: "a boy of 10", facts: person({ born: "2015-03-15", sex: "male" }), shown: [], hidden: ["SCR_BREAST", "SCR_CERVIX"] },
    // A man within five years of a band still reads whom it concerns (his recorded sex may not be his anatomy's).
    { who: "a man of 21", facts: person({ born: "2004-03-15", sex: "male" }), shown: ["SCR_CERVIX"], hidden: ["SCR_BREAST"] },
    { who: "a man of 48", facts: person({ born: "1977-03-15", sex: "male" }), shown: ["SCR_BREAST", "SCR_CERVIX"], hidden: [] },
  ])("a screening of the other sex is listed as information from five years before its band: $who", ({ facts, shown, hidden }) => {
    const { groups } = listed(facts, "2025-06-15");
    const inapplicable = groups.notApplicable.map((i) => i.item);
    for (const item of shown) expect(inapplicable, item).toContain(item);
    for (const item of hidden) expect(inapplicable, item).not.toContain(item);
  });

  it("never hides what is due, overdue or up to date, and the daily notices see the same items as before", () => {
    // Her dTP booster recorded at 45: up to date, the next one at 65, twenty years ahead.
    const facts = person({ born: "1980-03-01", sex: "female", shots: [["dtp", "2025-03-05"]] });
    const items = recommend(facts, FR_2025, "2025-06-15");
    const { groups } = listed(facts, "2025-06-15");
    expect(groups.upToDate.map((i) => i.item)).toContain("DTP_ADULT");
    expect(groups.upToDate.find((i) => i.item === "DTP_ADULT")?.next).toBe("2045-03-01");
    const dueOrLate = items.filter((i) => i.status === "DUE" || i.status === "OVERDUE");
    expect(groups.now).toHaveLength(dueOrLate.length);
    // Every item is in one group or among those left out: nothing else disappears.
    const shownCount = groups.now.length + groups.soon.length + groups.upToDate.length + groups.later.length + groups.notApplicable.length;
    expect(shownCount + groups.beyond).toBe(items.length);
    expect(newDueItems(items, new Set(), { all: false, themes: new Set() }).map((i) => i.item)).toEqual(dueOrLate.map((i) => i.item));
  });
});
