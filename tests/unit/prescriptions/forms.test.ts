import { describe, expect, it } from "vitest";
import { defaultLinkEnd, parseLinkEnd } from "@/lib/prescriptions/link-end";
import { parseDispenseForm } from "@/server/sharing/dispense-form";
import { cookieFrom, setCookieHeader } from "@/server/sharing/share-result-cookie";

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
};

describe("the pharmacist's dispensation form", () => {
  it("reads all, part or nothing per line", () => {
    const input = parseDispenseForm(
      form([
        ["cle-formulaire", "k"],
        ["etat", "s"],
        ["choix-a", "tout"],
        ["reste-a", "3"],
        ["choix-b", "partie"],
        ["quantite-b", "2"],
        ["choix-c", "aucun"],
        ["quantite-c", " "],
        ["choix-d", "tout"],
        ["reste-d", "4"],
        ["quantite-d", "4"],
      ]),
    );
    expect(input).toEqual({ formKey: "k", state: "s", quantities: { a: 3, b: 2, d: 4 }, unclear: false });
  });

  it.each([
    ["a quantity typed under « Rien aujourd'hui »", [["choix-a", "aucun"], ["quantite-a", "5"]]],
    ["a quantity other than what remains under « Tout le reste »", [["choix-a", "tout"], ["reste-a", "10"], ["quantite-a", "2"]]],
    ["a line clear beside one that is not", [["choix-a", "tout"], ["reste-a", "3"], ["choix-b", "aucun"], ["quantite-b", "1"]]],
  ] as [string, [string, string][]][])("marks the form unclear for %s", (_, fields) => {
    expect(parseDispenseForm(form(fields)).unclear).toBe(true);
  });

  it("turns anything but a plain whole number into NaN (refused by the use case), ignores odd ids and repeated lines", () => {
    const input = parseDispenseForm(
      form([
        ["choix-a", "partie"],
        ["quantite-a", "1.5"],
        ["choix-b", "partie"],
        ["quantite-b", "-1"],
        ["choix-b", "tout"],
        ["choix-__proto__/x", "tout"],
        ["choix-c", "partie"],
      ]),
    );
    expect(Object.keys(input.quantities)).toEqual(["a", "b", "c"]);
    expect(Object.values(input.quantities).every(Number.isNaN)).toBe(true);
    expect(Object.getPrototypeOf(input.quantities)).toBe(Object.prototype);
  });
});

describe("a link's end date", () => {
  it("is the end of the chosen day in Paris, nothing for the default, invalid otherwise", () => {
    // Winter and summer: the last millisecond of the day in Paris (UTC+1, then UTC+2).
    expect(parseLinkEnd("2026-12-01")).toEqual(new Date("2026-12-01T22:59:59.999Z"));
    expect(parseLinkEnd("2027-06-30")).toEqual(new Date("2027-06-30T21:59:59.999Z"));
    expect(parseLinkEnd("2026-10-25")).toEqual(new Date("2026-10-25T22:59:59.999Z"));
    expect(parseLinkEnd("")).toBeUndefined();
    expect(parseLinkEnd(null)).toBeUndefined();
    expect(parseLinkEnd("01/12/2026")).toEqual(new Date("2026-12-01T22:59:59.999Z"));
    for (const bad of ["2026-02-30", "31/11/2026", "2026/12/01", "2026-12-01T00:00", "demain"]) expect(parseLinkEnd(bad), bad).toBe("invalid");
  });

  it("defaults to 7 days, or the prescription's validity when that comes first", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(defaultLinkEnd(now, 7, undefined)).toBe("2026-11-30");
    expect(defaultLinkEnd(now, 7, "2027-01-01T00:00:00Z")).toBe("2026-11-30");
    expect(defaultLinkEnd(now, 7, "2026-11-25T22:59:59.999Z")).toBe("2026-11-25");
    // 23:30 UTC is already the next day in Paris.
    expect(defaultLinkEnd(new Date("2026-11-23T23:30:00Z"), 7, undefined)).toBe("2026-12-01");
  });
});

describe("cookies of route handlers", () => {
  it("writes the attributes and reads a value back among others", () => {
    expect(setCookieHeader("a", "v1.x", { httpOnly: true, sameSite: "strict", secure: true, path: "/p/1", maxAge: 60 })).toBe("a=v1.x; Path=/p/1; Max-Age=60; SameSite=Strict; HttpOnly; Secure");
    expect(cookieFrom("x=1; espace-sante.pharmacie=v1.a.b.c; y=2", "espace-sante.pharmacie")).toBe("v1.a.b.c");
    expect(cookieFrom(null, "a")).toBeUndefined();
    expect(cookieFrom("aa=1", "a")).toBeUndefined();
  });
});
