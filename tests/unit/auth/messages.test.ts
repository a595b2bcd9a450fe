import { describe, expect, it } from "vitest";
import { fr } from "@/lib/i18n/fr";
import { format, t, type MessageKey } from "@/lib/i18n/messages";

function leaves(node: unknown, prefix = ""): [string, unknown][] {
  if (typeof node !== "object" || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogue", () => {
  it("holds a non-empty string at every key", () => {
    for (const [key, value] of leaves(fr)) {
      expect(typeof value, key).toBe("string");
      expect((value as string).trim().length, key).toBeGreaterThan(0);
      expect(t(key as MessageKey)).toBe(value);
    }
  });

  it("refuses a key that is not one of the catalogue's strings: a section, a prototype's name, nothing", () => {
    for (const key of ["patientHome", "constructor", "__proto__", "toString", "patientHome.greeting.length", ""]) {
      expect(() => t(key as MessageKey), key).toThrow("Message manquant");
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("patientHome.greeting", { name: "Camille" })).toBe("Bonjour Camille");
    expect(format("{a} et {b}", { a: "x" })).toBe("x et {b}");
  });

  it("does not let a value be read as another placeholder or a prototype key", () => {
    expect(format("{name}", { name: "{other}" })).toBe("{other}");
    expect(format("{constructor}", {})).toBe("{constructor}");
  });
});
