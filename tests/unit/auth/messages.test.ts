import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fr } from "@/lib/i18n/fr";
import { format, t, tn, type MessageKey, type PluralKey } from "@/lib/i18n/messages";
import { isPlural, type PluralMessage } from "@/lib/i18n/plural";

function leaves(node: unknown, prefix = ""): [string, unknown][] {
  if (typeof node !== "object" || node === null || isPlural(node)) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const plurals = leaves(fr).filter((leaf): leaf is [PluralKey, PluralMessage] => isPlural(leaf[1]));

describe("message catalogue", () => {
  it("holds a non-empty string at every key, or a singular and a plural that both say the count", () => {
    for (const [key, value] of leaves(fr)) {
      if (isPlural(value)) {
        for (const form of [value.one, value.other]) expect(form, key).toContain("{count}");
        continue;
      }
      expect(typeof value, key).toBe("string");
      expect((value as string).trim().length, key).toBeGreaterThan(0);
      expect(t(key as MessageKey)).toBe(value);
    }
    expect(plurals.length).toBeGreaterThan(0);
  });

  it("agrees a plural message with its count as French does: 0 and 1 singular, the count written in French", () => {
    for (const [key, value] of plurals) {
      expect(tn(key, 0, { total: 5 }), key).toBe(format(value.one, { total: 5, count: "0" }));
      expect(tn(key, 1, { total: 5 }), key).toBe(format(value.one, { total: 5, count: "1" }));
      expect(tn(key, 2, { total: 5 }), key).toBe(format(value.other, { total: 5, count: "2" }));
      expect(tn(key, 12345, { total: 5 }), key).toBe(format(value.other, { total: 5, count: "12\u202f345" }));
    }
    expect(tn("notifications.headerCount", 1)).toBe("Notifications (1 non lue)");
    expect(tn("notifications.headerCount", 2)).toBe("Notifications (2 non lues)");
  });

  it("says no « (s) » nor « (e) » in any message: the words agree with the count, and with the person or are neutral", () => {
    for (const [key, value] of leaves(fr)) {
      for (const text of isPlural(value) ? [value.one, value.other] : [String(value)]) expect(text, key).not.toMatch(/\((s|e|es|x)\)/);
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

  it.each([
    { template: "Prévention de {name}", name: "Inès Martin", filled: "Prévention d'Inès Martin" },
    { template: "De {name} à vous", name: "Élodie", filled: "D'Élodie à vous" },
    { template: "de {name}", name: "Inès", filled: "d'Inès" },
    { template: "l'espace de {name}", name: "Hugo", filled: "l'espace de Hugo" },
    { template: "l'espace de {name}", name: "Camille", filled: "l'espace de Camille" },
    { template: "« de {name}", name: "Inès", filled: "« d'Inès" },
    { template: "monde {name}", name: "Inès", filled: "monde Inès" },
    { template: "{who}de {name}", name: "Inès", filled: "Xde Inès" },
    // What a value ends with is the value's: « de » there is not the message's to elide.
    { template: "{who}{name}", who: "Marie de ", name: "Inès", filled: "Marie de Inès" },
    { template: "voici ce que {name} voit", name: "un médecin urgentiste", filled: "voici ce qu'un médecin urgentiste voit" },
    { template: "par d'autres que {name}", name: "Inès Martin", filled: "par d'autres qu'Inès Martin" },
    { template: "Que {name}", name: "Inès", filled: "Qu'Inès" },
    { template: "ce que {name} voit", name: "Dr Sophie Bernard", filled: "ce que Dr Sophie Bernard voit" },
    { template: "presque {name}", name: "Inès", filled: "presque Inès" },
    { template: "{who}que {name}", name: "Inès", filled: "Xque Inès" },
  ])("writes « de » and « que » before a vowel « d' » and « qu' » only where the message says them: $filled", ({ template, who = "X", name, filled }) => {
    expect(format(template, { name, who })).toBe(filled);
  });

  it("does not let a value be read as another placeholder or a prototype key", () => {
    expect(format("{name}", { name: "{other}" })).toBe("{other}");
    expect(format("{constructor}", {})).toBe("{constructor}");
  });
});

describe("a message's placeholders, filled by t()", () => {
  const keys = leaves(fr).filter(([, value]) => !isPlural(value)).map(([key]) => key as MessageKey);
  const names = ["name", "when", "who", "date", "count", "quantity", "unit", "title", "constructor", "__proto__", "x"];

  /**
   * What a fill must give, written apart from the module: each `{name}` given replaced once, the
   * others kept; a « de » or « que » of the message's words right before a value beginning with a
   * vowel written « d' » or « qu' » (« Prévention d'Inès »), never one that is a value's own end.
   */
  const reference = (template: string, params: Record<string, string | number>) => {
    let out = "";
    let from = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      const literal = template.slice(from, match.index);
      from = match.index + match[0].length;
      if (!Object.prototype.hasOwnProperty.call(params, match[1]!)) {
        out += literal + match[0];
        continue;
      }
      const value = String(params[match[1]!]);
      const word = /(^|[\s«(])([Dd]e|[Qq]ue) $/.exec(literal);
      const own = word !== null && (word[1] !== "" || match.index === word[2]!.length + 1);
      out += (own && /^[aeiouàâæéèêëîïôœùûü]/i.test(value) ? `${literal.slice(0, -2)}'` : literal) + value;
    }
    return out + template.slice(from);
  };

  it("are filled as format() fills the same message, whatever the values and whichever are given", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.string(), fc.integer(), fc.constantFrom("{when}", "$&", "$1", "Inès", "Élodie de ", "h"))),
        (key, params) => {
          expect(t(key, params)).toBe(format(t(key), params));
          expect(t(key, params)).toBe(reference(t(key), params));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("for every message of the catalogue, each of its placeholders given", () => {
    for (const key of keys) {
      const message = t(key);
      const params = Object.fromEntries([...message.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, `«${name}»`]));
      expect(t(key, params), key).toBe(format(message, params));
      expect(t(key, params), key).toBe(reference(message, params));
    }
  });
});
