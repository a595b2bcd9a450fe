import { fr, type Messages } from "./fr";
import { isPlural, pluralCategory, type PluralMessage } from "./plural";

/**
 * The message accessor, usable on the server and in the browser. Only French exists today; a
 * second catalogue is added to CATALOGUES with the same `Messages` shape.
 */
export type Locale = "fr";

const CATALOGUES: Record<Locale, Messages> = { fr };

export const DEFAULT_LOCALE: Locale = "fr";

/** Dotted paths to every string of the catalogue: "signIn.title", "sections.documents.title"… */
export type MessageKey = Leaves<Messages, string>;

/** Dotted paths to the messages that agree with a `{count}` (plural.ts): "notifications.unreadCount"… */
export type PluralKey = Leaves<Messages, PluralMessage>;

type Leaves<T, Leaf, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends Leaf
    ? `${Prefix}${K}`
    : T[K] extends string | PluralMessage
      ? never
      : Leaves<T[K], Leaf, `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageParams = Record<string, string | number>;

export function messages(locale: Locale = DEFAULT_LOCALE): Messages {
  return CATALOGUES[locale];
}

/**
 * Every string of each catalogue by its dotted key, read once. Why: a page asks for dozens of
 * strings per view, and splitting each key and walking the catalogue was 1 to 1.5 % of a page's
 * CPU (issue 16, V8 profiles of the documents and prescriptions pages). Only the catalogue's own
 * keys are held, so nothing a request sends can make it grow.
 */
const BY_KEY: Record<Locale, ReadonlyMap<string, string>> = { fr: flatten(fr) };

/** Each message that agrees with a count, by its dotted key, its forms held apart in BY_KEY as "key#one", "key#other". */
function flatten(node: object, prefix = "", into = new Map<string, string>()): Map<string, string> {
  for (const [name, value] of Object.entries(node)) {
    if (typeof value === "string") into.set(`${prefix}${name}`, value);
    else if (isPlural(value)) {
      into.set(`${prefix}${name}#one`, value.one);
      into.set(`${prefix}${name}#other`, value.other);
    } else if (value !== null && typeof value === "object") flatten(value as object, `${prefix}${name}.`, into);
  }
  return into;
}

/** `{name}`: a placeholder, its name captured (split() keeps it between the literals). */
const PLACEHOLDER = /\{(\w+)\}/;

/**
 * Each message with placeholders, cut once around them: literal, name, literal… A page fills
 * dozens per view (a prescription's every line and quantity), and the regular expression's
 * replace with a callback was 1.3 % of the prescriptions page's CPU (issue 16, V8 profile: 58 µs
 * per view, 9 on the documents page). Held by the catalogue's own keys, as BY_KEY.
 */
const PARTS: Record<Locale, Map<string, readonly string[]>> = { fr: new Map() };

function partsOf(locale: Locale, key: string, message: string): readonly string[] {
  let parts = PARTS[locale].get(key);
  if (!parts) {
    parts = message.split(PLACEHOLDER);
    PARTS[locale].set(key, parts);
  }
  return parts;
}

/** The string at `key`, with `{placeholders}` filled from `params` (missing ones are left visible). */
export function t(key: MessageKey, params?: MessageParams, locale: Locale = DEFAULT_LOCALE): string {
  const message = BY_KEY[locale].get(key);
  if (message === undefined) throw new Error(`Message manquant : ${key}`);
  return params ? fill(partsOf(locale, key, message), params) : message;
}

/**
 * The form of the message at `key` that agrees with `count` ("1 non lue", "3 non lues"), its
 * `{count}` written as French writes numbers ("1 234") and its other placeholders filled as t() fills them.
 */
export function tn(key: PluralKey, count: number, params: MessageParams = {}, locale: Locale = DEFAULT_LOCALE): string {
  const formKey = `${key}#${pluralCategory(count)}`;
  const message = BY_KEY[locale].get(formKey);
  if (message === undefined) throw new Error(`Message manquant : ${key}`);
  return fill(partsOf(locale, formKey, message), { ...params, count: count.toLocaleString("fr-FR") });
}

/** Any template's `{placeholders}` filled as t() fills a message's. */
export function format(template: string, params: MessageParams): string {
  return fill(template.split(PLACEHOLDER), params);
}

/** Literals and placeholders' names in turn (odd parts are names): each name given is put in, the others left visible. */
function fill(parts: readonly string[], params: MessageParams): string {
  let filled = parts[0]!;
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index]!;
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      const value = String(params[name]);
      // `filled` ends with the literal before this placeholder: « e » and its space become « ' ».
      if (elides(parts[index - 1]!, index === 1, value)) filled = `${filled.slice(0, -2)}'`;
      filled += value + parts[index + 1]!;
    } else filled += `{${name}}` + parts[index + 1]!;
  }
  return filled;
}

/**
 * « de » or « que » ending a literal, as a word (after a space, « or « ( » within it, or as the
 * whole literal). « que » too: « voici ce que un médecin urgentiste… voit » was found in the browser.
 */
const DE_BEFORE = /(^|[\s«(])(?:[Dd]e|[Qq]ue) $/;
/** A value beginning with a vowel: « de » and « que » elide before it. H is left out, as French does not always elide before it. */
const VOWEL_FIRST = /^[AEIOUÀÂÆÉÈÊËÎÏÔŒÙÛÜaeiouàâæéèêëîïôœùûü]/;

/**
 * Whether « de » (or « que ») before a value beginning with a vowel is written « d' » (« qu' »), as French writes it: a
 * baby called Inès had « Prévention de Inès Martin », « Vous êtes dans l'espace de Inès Martin »
 * (found in the browser). Names fill most such places (« le dossier de {person} »). Only a « de »
 * of the message's own words: a literal that is « de » alone follows another value (« {a}de {b} »)
 * unless it opens the message, and what a value ends with is never changed.
 */
function elides(literal: string, opensMessage: boolean, value: string): boolean {
  if (!VOWEL_FIRST.test(value)) return false;
  const match = DE_BEFORE.exec(literal);
  return match !== null && (match[1] !== "" || opensMessage);
}
