import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay, formatShortDay, isoDay } from "@/lib/documents/format";

/**
 * The days a list shows, as Intl writes them in Paris (the first of a month as French writes it,
 * "1er mars"), whatever was formatted before: the
 * formatted strings are kept per value (format.ts), and a value met again, or after many others,
 * must read exactly as the first time. A plain day ("2027-06-30") is that Paris day.
 */
const intlLong = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const long = { format: (date: Date) => intlLong.format(date).replace(/^1 /, "1er ") };
const short = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });
/** The Paris day as <time dateTime> wants it ("AAAA-MM-JJ"): Canadian English writes days so. */
const iso = new Intl.DateTimeFormat("en-CA", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });

const instants = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }).map((date) => date.toISOString());
const values = fc.oneof(instants, instants.map((iso) => iso.slice(0, 10)), fc.string({ maxLength: 12 }));

/**
 * An ISO day has a year of four digits at least ("0100-01-01"), where Canadian English writes the
 * year as it is ("100-01-01"): a string such as "100" is read by Date as the year 100.
 */
const isoFormat = { format: (date: Date) => iso.formatToParts(date).map((part) => (part.type === "year" ? part.value.padStart(4, "0") : part.value)).join("") };

function expected(format: Pick<Intl.DateTimeFormat, "format">, value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : new Date(value);
  if (date) return Number.isNaN(date.getTime()) ? "" : format.format(date);
  // A plain day: noon in Paris is that day whatever the time of year.
  const day = new Date(`${value}T12:00:00+01:00`);
  return Number.isNaN(day.getTime()) ? "" : format.format(day);
}

describe("a list's days", () => {
  it("read as Intl writes them in Paris, the first time and every time after (property)", () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 40 }), (batch) => {
        for (const value of [...batch, ...batch.slice().reverse()]) {
          expect(formatShortDay(value), value).toBe(expected(short, value));
          expect(formatDay(value), value).toBe(expected(long, value));
          expect(isoDay(value) ?? "", value).toBe(expected(isoFormat, value));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("an ISO day keeps a four-digit year before the year 1000 (found by the property above, seed -1232262082)", () => {
    expect(isoDay("100")).toBe(expected(isoFormat, "100"));
    expect(isoDay("100")).toMatch(/^0100-01-0[12]$/);
  });

  it("read the same past the number of values kept", () => {
    const first = "2024-03-01T23:30:00Z";
    expect(formatShortDay(first)).toBe("02/03/2024");
    for (let n = 0; n < 10_500; n++) formatShortDay(new Date(Date.UTC(2000, 0, 1) + n * 3_600_000).toISOString());
    expect(formatShortDay(first)).toBe("02/03/2024");
    expect(formatDay("2024-03-01")).toBe("1er mars 2024");
  });
});
