import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime } from "@/lib/documents/format";

/**
 * Instants as Intl writes them in Paris: format.ts builds them from the Paris day and wall clock
 * rather than through Intl, and must read exactly as Intl would, on the nights the clocks change
 * and in the years Paris kept its own mean time (an offset with seconds) alike.
 */
const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
/** Intl's, the first of a month written "1er" as French writes it. */
const inFrench = (instant: Date) => dateTime.format(instant).replace(/^1 /, "1er ");
const time = new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone: "Europe/Paris" });

const HOUR = 3_600_000;
/** 01:00 UTC on the last Sunday of a month: when Paris's clocks change since 1996. */
function lastSundayOneAm(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

const anyInstant = fc.date({ min: new Date("0500-01-01T00:00:00Z"), max: new Date("9999-12-31T20:00:00Z"), noInvalidDate: true });
const nearAChange = fc
  .tuple(fc.integer({ min: 1996, max: 2099 }), fc.constantFrom(2, 9), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }))
  .map(([year, month, shift]) => new Date(lastSundayOneAm(year, month) + shift));
const instants = fc.oneof(anyInstant, nearAChange, fc.date({ min: new Date("1880-01-01T00:00:00Z"), max: new Date("1950-12-31T00:00:00Z"), noInvalidDate: true }));

describe("an instant shown in Paris", () => {
  it("reads as Intl writes it, as a Date or as its ISO text (property)", () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(formatDateTime(instant), instant.toISOString()).toBe(inFrench(instant));
        expect(formatDateTime(instant.toISOString())).toBe(inFrench(instant));
        expect(formatTime(instant), instant.toISOString()).toBe(time.format(instant));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads the examples people see", () => {
    expect(formatDateTime("2026-12-01T08:05:00Z")).toBe("1er décembre 2026 à 09:05");
    expect(formatDateTime("2026-07-14T22:30:00Z")).toBe("15 juillet 2026 à 00:30");
    expect(formatTime("2026-03-29T01:00:00Z")).toBe("03:00");
    expect(formatDateTime("2026-03-29T00:59:59.999Z")).toBe("29 mars 2026 à 01:59");
  });

  it("shows nothing for what is not an instant", () => {
    expect(formatDateTime(undefined)).toBe("");
    expect(formatDateTime("bientôt")).toBe("");
    expect(formatTime("2026-13-01T00:00:00Z")).toBe("");
  });
});
