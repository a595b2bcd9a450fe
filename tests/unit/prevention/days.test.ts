import { describe, expect, it } from "vitest";
import { addMonths, addYears, completedMonths, completedYears, isDay, parisDay, todayInParis } from "@/server/prevention/days";

describe("calendar days (Europe/Paris; Code de procédure civile art. 641 for missing days)", () => {
  it.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2025-03-31", 1, "2025-04-30"],
    ["2025-11-15", 2, "2026-01-15"],
    ["2026-01-15", -2, "2025-11-15"],
  ])("%s + %i months = %s", (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it.each([
    // Born on 29 February: a year older on 28 February in common years, on 29 in leap years.
    ["2000-02-29", "2025-02-27", 24],
    ["2000-02-29", "2025-02-28", 25],
    ["2000-02-29", "2024-02-28", 23],
    ["2000-02-29", "2024-02-29", 24],
    ["1950-06-02", "2026-06-01", 75],
    ["1950-06-02", "2026-06-02", 76],
    ["1950-06-02", "1950-06-02", 0],
  ])("born %s, on %s: %i completed years", (birth, day, years) => {
    expect(completedYears(birth, day)).toBe(years);
  });

  it.each([
    ["2026-01-31", "2026-02-27", 0],
    ["2026-01-31", "2026-02-28", 1],
    ["2026-01-31", "2026-03-30", 1],
    ["2026-01-31", "2026-03-31", 2],
    ["2026-09-10", "2026-11-09", 1],
    ["2026-09-10", "2026-11-10", 2],
  ])("born %s, on %s: %i completed months", (birth, day, months) => {
    expect(completedMonths(birth, day)).toBe(months);
  });

  it("a person born on 29 February is 65 on 28 February of a common year (fixed-age booster day)", () => {
    expect(addYears("1960-02-29", 65)).toBe("2025-02-28");
    expect(addYears("1960-02-29", 64)).toBe("2024-02-29");
  });

  it.each([
    ["2025-12-31T23:30:00Z", "2026-01-01"],
    ["2025-06-30T22:30:00Z", "2025-07-01"],
    ["2025-06-30T21:30:00Z", "2025-06-30"],
    ["2015-06-15", "2015-06-15"],
    ["2015-06", "2015-06-01"],
    ["2015", "2015-01-01"],
    ["2015-02-30", undefined],
    ["not a date", undefined],
  ])("the Paris day of %s is %s", (value, day) => {
    expect(parisDay(value)).toBe(day);
  });

  it.each(["2026-02-29", "2026-13-01", "26-01-01", "2026-1-1", ""])("%s is not a day", (value) => {
    expect(isDay(value)).toBe(false);
  });
});

describe("the Paris day of an instant agrees with Intl (Europe/Paris) around every change of time", () => {
  const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
  it("for every half hour around midnight and the DST changes, 1990 to 2040", () => {
    for (let year = 1990; year <= 2040; year++) {
      for (const [month, day] of [[3, 24], [3, 31], [10, 24], [10, 31], [12, 31], [6, 30]] as const) {
        for (let half = 0; half < 48 * 8; half++) {
          const ms = Date.UTC(year, month - 1, day - 4) + half * 1_800_000;
          const iso = new Date(ms).toISOString();
          expect(parisDay(iso), iso).toBe(intl.format(new Date(ms)));
          expect(todayInParis(new Date(ms)), iso).toBe(intl.format(new Date(ms)));
        }
      }
    }
  });
});
