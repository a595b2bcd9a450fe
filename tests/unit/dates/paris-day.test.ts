import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { daySpanOf, fhirEnd, fhirExpiry, fhirStart } from "@/lib/dates/fhir-date";
import { addDaysToDay, addMonthsToDay, endOfParisDay, isDay, parisDayOf, parisOffsetMs, startOfParisDay } from "@/lib/dates/paris-day";

const HOUR = 3_600_000;

describe("a Paris calendar day as instants", () => {
  // Winter (UTC+1), summer (UTC+2), and the two nights the clocks change: 29 March 2026 is
  // 23 hours long, 25 October 2026 is 25 hours long.
  it.each([
    { day: "2026-01-15", start: "2026-01-14T23:00:00.000Z", end: "2026-01-15T22:59:59.999Z", hours: 24 },
    { day: "2027-06-30", start: "2027-06-29T22:00:00.000Z", end: "2027-06-30T21:59:59.999Z", hours: 24 },
    { day: "2026-03-29", start: "2026-03-28T23:00:00.000Z", end: "2026-03-29T21:59:59.999Z", hours: 23 },
    { day: "2026-10-25", start: "2026-10-24T22:00:00.000Z", end: "2026-10-25T22:59:59.999Z", hours: 25 },
    { day: "2026-03-28", start: "2026-03-27T23:00:00.000Z", end: "2026-03-28T22:59:59.999Z", hours: 24 },
    { day: "2026-10-26", start: "2026-10-25T23:00:00.000Z", end: "2026-10-26T22:59:59.999Z", hours: 24 },
    { day: "2028-02-29", start: "2028-02-28T23:00:00.000Z", end: "2028-02-29T22:59:59.999Z", hours: 24 },
    { day: "2026-12-31", start: "2026-12-30T23:00:00.000Z", end: "2026-12-31T22:59:59.999Z", hours: 24 },
  ])("$day runs from $start to $end ($hours h)", ({ day, start, end, hours }) => {
    expect(startOfParisDay(day).toISOString()).toBe(start);
    expect(endOfParisDay(day).toISOString()).toBe(end);
    expect(endOfParisDay(day).getTime() + 1 - startOfParisDay(day).getTime()).toBe(hours * HOUR);
  });

  it.each([
    { instant: "2026-01-15T22:59:59.999Z", day: "2026-01-15" },
    { instant: "2026-01-15T23:00:00.000Z", day: "2026-01-16" },
    { instant: "2027-06-30T21:30:00.000Z", day: "2027-06-30" },
    { instant: "2027-06-30T22:00:01.000Z", day: "2027-07-01" },
    // 02:30 does not exist on 29 March; 01:59:59 UTC+1 is followed by 03:00 UTC+2.
    { instant: "2026-03-29T00:59:59.999Z", day: "2026-03-29" },
    { instant: "2026-03-29T01:00:00.000Z", day: "2026-03-29" },
    // 02:30 happens twice on 25 October, both on the 25th.
    { instant: "2026-10-25T00:30:00.000Z", day: "2026-10-25" },
    { instant: "2026-10-25T01:30:00.000Z", day: "2026-10-25" },
    { instant: "2026-10-25T22:59:59.999Z", day: "2026-10-25" },
    { instant: "2026-10-25T23:00:00.000Z", day: "2026-10-26" },
  ])("$instant is on $day in Paris", ({ instant, day }) => {
    expect(parisDayOf(new Date(instant))).toBe(day);
  });

  it.each([
    { instant: "2026-01-15T12:00:00Z", hours: 1 },
    { instant: "2026-07-15T12:00:00Z", hours: 2 },
    { instant: "2026-03-29T00:59:59Z", hours: 1 },
    { instant: "2026-03-29T01:00:00Z", hours: 2 },
    { instant: "2026-10-25T00:59:59Z", hours: 2 },
    { instant: "2026-10-25T01:00:00Z", hours: 1 },
  ])("Paris is UTC+$hours at $instant", ({ instant, hours }) => {
    expect(parisOffsetMs(new Date(instant))).toBe(hours * HOUR);
  });
});

describe("adding to a day", () => {
  it.each([
    { day: "2026-01-31", months: 1, expected: "2026-02-28" },
    { day: "2028-01-31", months: 1, expected: "2028-02-29" },
    { day: "2028-02-29", months: 12, expected: "2029-02-28" },
    { day: "2026-11-30", months: 3, expected: "2027-02-28" },
    { day: "2026-08-31", months: 3, expected: "2026-11-30" },
    { day: "2026-03-15", months: 3, expected: "2026-06-15" },
    { day: "2026-12-15", months: 1, expected: "2027-01-15" },
    { day: "2026-03-31", months: -1, expected: "2026-02-28" },
    { day: "2026-01-15", months: -13, expected: "2024-12-15" },
  ])("$day + $months months is $expected", ({ day, months, expected }) => {
    expect(addMonthsToDay(day, months)).toBe(expected);
  });

  it.each([
    { day: "2026-03-28", days: 1, expected: "2026-03-29" },
    { day: "2026-03-29", days: 1, expected: "2026-03-30" },
    { day: "2026-10-25", days: 1, expected: "2026-10-26" },
    { day: "2028-02-28", days: 1, expected: "2028-02-29" },
    { day: "2026-12-31", days: 1, expected: "2027-01-01" },
    { day: "2026-03-01", days: -1, expected: "2026-02-28" },
  ])("$day + $days day is $expected", ({ day, days, expected }) => {
    expect(addDaysToDay(day, days)).toBe(expected);
  });
});

describe("what a day is", () => {
  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-01-01", "2026-1-01", "2026-01-01T00:00", ""])(
    "%s is not a calendar day",
    (value) => expect(isDay(value)).toBe(false),
  );
  it.each(["2028-02-29", "2026-12-31", "0001-01-01", "9999-12-31"])("%s is a calendar day", (value) => expect(isDay(value)).toBe(true));
});

describe("FHIR dates and dateTimes", () => {
  it.each([
    { value: "2027-06-30", start: "2027-06-29T22:00:00.000Z", end: "2027-06-30T21:59:59.999Z", expiry: "2027-06-30T22:00:00.000Z" },
    { value: "2027-06", start: "2027-05-31T22:00:00.000Z", end: "2027-06-30T21:59:59.999Z", expiry: "2027-06-30T22:00:00.000Z" },
    { value: "2027", start: "2026-12-31T23:00:00.000Z", end: "2027-12-31T22:59:59.999Z", expiry: "2027-12-31T23:00:00.000Z" },
    { value: "2026-10-25", start: "2026-10-24T22:00:00.000Z", end: "2026-10-25T22:59:59.999Z", expiry: "2026-10-25T23:00:00.000Z" },
    { value: "2027-06-30T10:00:00+02:00", start: "2027-06-30T08:00:00.000Z", end: "2027-06-30T08:00:00.000Z", expiry: "2027-06-30T08:00:00.000Z" },
  ])("$value covers $start to $end", ({ value, start, end, expiry }) => {
    expect(fhirStart(value)?.toISOString()).toBe(start);
    expect(fhirEnd(value)?.toISOString()).toBe(end);
    expect(fhirExpiry(value)?.toISOString()).toBe(expiry);
  });

  it.each(["2027-02-30", "2027-13", "soon", "2027-6-30"])("%s has no span of days", (value) => {
    expect(daySpanOf(value)).toBeUndefined();
  });

  it("knows nothing of a missing or unreadable value", () => {
    expect(fhirEnd(undefined)).toBeUndefined();
    expect(fhirExpiry("")).toBeUndefined();
    expect(fhirStart("soon")).toBeUndefined();
  });
});

describe("properties over the calendar", () => {
  const days = fc
    .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  it("the end of a day is the last instant whose Paris calendar day is that day", () => {
    fc.assert(
      fc.property(days, (day) => {
        const end = endOfParisDay(day);
        expect(parisDayOf(end)).toBe(day);
        expect(parisDayOf(new Date(end.getTime() + 1))).toBe(addDaysToDay(day, 1));
      }),
    );
  });

  it("the start of a day is the first instant whose Paris calendar day is that day", () => {
    fc.assert(
      fc.property(days, (day) => {
        const start = startOfParisDay(day);
        expect(parisDayOf(start)).toBe(day);
        expect(parisDayOf(new Date(start.getTime() - 1))).toBe(addDaysToDay(day, -1));
      }),
    );
  });

  it("every instant lies within the Paris day it is on", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }), (instant) => {
        const day = parisDayOf(instant);
        expect(startOfParisDay(day).getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(endOfParisDay(day).getTime()).toBeGreaterThanOrEqual(instant.getTime());
      }),
    );
  });

  it("adding months lands in the target month, on the same day or the month's last", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: -48, max: 48 }), (day, months) => {
        const result = addMonthsToDay(day, months);
        const [y, m, d] = day.split("-").map(Number) as [number, number, number];
        const [ry, rm, rd] = result.split("-").map(Number) as [number, number, number];
        expect(ry * 12 + rm - (y * 12 + m)).toBe(months);
        expect(isDay(result)).toBe(true);
        if (rd !== d) expect(addDaysToDay(result, 1).endsWith("-01")).toBe(true);
        expect(rd).toBeLessThanOrEqual(d);
      }),
    );
  });
});

describe("Paris's offset, kept per UTC day", () => {
  /** The offset read through Intl at every call, as paris-day.ts did before it kept offsets. */
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Paris",
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  function offsetThroughIntl(instant: number): number {
    const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
    const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    return wall - (instant - (((instant % 1000) + 1000) % 1000));
  }
  const YEAR_1900 = Date.UTC(1900, 0, 1);
  const YEAR_2100 = Date.UTC(2100, 0, 1);
  /** 01:00 UTC on the last Sunday of a month: when Paris's clocks change since 1996. */
  function lastSundayOneAm(year: number, month: number): number {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return last.getTime() - last.getUTCDay() * 86_400_000;
  }

  it("is Intl's at any instant from 1900 to 2100, in whatever order days are first read", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: YEAR_1900, max: YEAR_2100 }), { minLength: 1, maxLength: 50 }), (instants) => {
        for (const instant of instants) expect(parisOffsetMs(new Date(instant))).toBe(offsetThroughIntl(instant));
      }),
      { numRuns: 300 },
    );
  });

  it("changes at the very millisecond the clocks do, on the nights they change", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1996, max: 2099 }),
        fc.constantFrom(2, 9),
        fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
        (year, month, shift) => {
          const change = lastSundayOneAm(year, month);
          // Before and after, in either order, and the instants either side of the change.
          for (const instant of [change + shift, change - 1, change, change + 1]) expect(parisOffsetMs(new Date(instant))).toBe(offsetThroughIntl(instant));
        },
      ),
      { numRuns: 300 },
    );
    expect(parisOffsetMs(new Date("2026-03-29T00:59:59.999Z"))).toBe(HOUR);
    expect(parisOffsetMs(new Date("2026-03-29T01:00:00.000Z"))).toBe(2 * HOUR);
    expect(parisOffsetMs(new Date("2026-10-25T00:59:59.999Z"))).toBe(2 * HOUR);
    expect(parisOffsetMs(new Date("2026-10-25T01:00:00.000Z"))).toBe(HOUR);
  });

  it("reads a clock-change day through Intl once: its later instants, either side of the change, ask Intl nothing", () => {
    // A day no other test of this file reads (the last Sunday of October 2123 is past their range).
    const change = lastSundayOneAm(2123, 9);
    const instants = [change - 3 * HOUR, change - 1, change, change + 1, change + 5 * HOUR];
    const expected = instants.map(offsetThroughIntl);
    expect(instants.map((instant) => parisOffsetMs(new Date(instant)))).toEqual(expected);
    const asked = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts");
    try {
      expect(instants.map((instant) => parisOffsetMs(new Date(instant)))).toEqual(expected);
      expect(parisDayOf(new Date(change + HOUR))).toBe(new Date(change).toISOString().slice(0, 10));
      expect(asked).not.toHaveBeenCalled();
    } finally {
      asked.mockRestore();
    }
  });
});

describe("a day's first instant, kept per day", () => {
  it("gives each caller a Date of its own: changing one does not change the next", () => {
    const first = startOfParisDay("2026-03-29");
    first.setTime(0);
    expect(startOfParisDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });

  it("is the same whether the day was read before or not, in any order, clock-change days included", () => {
    const days = fc.oneof(
      fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      fc.constantFrom("2026-03-29", "2026-10-25", "1996-10-27", "2099-03-29", "1976-09-26", "1944-10-08"),
    );
    fc.assert(
      fc.property(fc.array(days, { minLength: 1, maxLength: 20 }), (list) => {
        for (const day of list) {
          const start = startOfParisDay(day);
          // First instant of the day: on it, and the instant before is the day before.
          expect(parisDayOf(start)).toBe(day);
          expect(parisDayOf(new Date(start.getTime() - 1))).toBe(addDaysToDay(day, -1));
          expect(startOfParisDay(day).getTime()).toBe(start.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("starts every day from 1890 to 2110 at its first instant, the days whose midnight came twice included", () => {
    // The clocks went back across midnight on 8 October 1944 and 26 September 1976 (01:00 back
    // to 00:00): those days began at their first midnight, 22:00 UTC, and ended an hour later
    // than usual. A property test drew 1976-09-26 once in CI; before, both days began at 23:00 UTC.
    expect(startOfParisDay("1976-09-26").toISOString()).toBe("1976-09-25T22:00:00.000Z");
    expect(endOfParisDay("1976-09-25").toISOString()).toBe("1976-09-25T21:59:59.999Z");
    expect(startOfParisDay("1944-10-08").toISOString()).toBe("1944-10-07T22:00:00.000Z");
    const wrong: string[] = [];
    for (let day = "1890-01-01"; day <= "2110-12-31"; day = addDaysToDay(day, 1)) {
      const start = startOfParisDay(day);
      if (parisDayOf(start) !== day || parisDayOf(new Date(start.getTime() - 1)) !== addDaysToDay(day, -1)) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it("still refuses what is not a day", () => {
    expect(() => startOfParisDay("2026-02-30")).toThrow(RangeError);
    expect(() => startOfParisDay("2026-02-30")).toThrow(RangeError);
  });
});
