/**
 * Messages that agree in number with a count. French puts 0 and 1 in the singular ("0 non lue",
 * "1 non lue", "2 non lues"), which Intl.PluralRules knows; a catalogue says the forms once and
 * no component decides between them.
 */
const PLURAL = Symbol("plural");

export type PluralForms = { readonly one: string; readonly other: string };

/** A catalogue entry chosen by its `{count}`; the symbol tells it from a group of messages. */
export type PluralMessage = PluralForms & { readonly [PLURAL]: true };

export function plural(forms: PluralForms): PluralMessage {
  return Object.freeze({ ...forms, [PLURAL]: true as const });
}

export function isPlural(value: unknown): value is PluralMessage {
  return typeof value === "object" && value !== null && PLURAL in value;
}

// CLDR's French also has "many" (1 000 000 de …), written like the other plurals here.
const RULES = new Intl.PluralRules("fr-FR");

// Intl's select takes about a microsecond a call, and the pages ask it of every count they write
// (« 2 boîtes », « 1 renouvellement restant »): whole numbers up to a thousand are kept once asked,
// from Intl itself, so no French rule is written here.
const BY_WHOLE_NUMBER: (keyof PluralForms | undefined)[] = [];

export function pluralCategory(count: number): keyof PluralForms {
  const kept = Number.isInteger(count) && count >= 0 && count <= 1000;
  if (kept) {
    const category = BY_WHOLE_NUMBER[count];
    if (category !== undefined) return category;
  }
  const category = RULES.select(count) === "one" ? "one" : "other";
  if (kept) BY_WHOLE_NUMBER[count] = category;
  return category;
}

/** "(s)" and "(x)" as data writes them ("boîte(s) de 30 comprimés", a unit typed by a prescriber), agreed with the count. */
export function agreeWith(count: number, text: string): string {
  const one = pluralCategory(count) === "one";
  return text.replace(/\((s|x)\)/g, (_, letter: string) => (one ? "" : letter));
}
