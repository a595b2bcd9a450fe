import { fr, type Messages } from "./fr";

/**
 * The message accessor, usable on the server and in the browser. Only French exists today; a
 * second catalogue is added to CATALOGUES with the same `Messages` shape.
 */
export type Locale = "fr";

const CATALOGUES: Record<Locale, Messages> = { fr };

export const DEFAULT_LOCALE: Locale = "fr";

/** Dotted paths to every string of the catalogue: "signIn.title", "sections.documents.title"… */
export type MessageKey = Leaves<Messages>;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
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

function flatten(node: object, prefix = "", into = new Map<string, string>()): Map<string, string> {
  for (const [name, value] of Object.entries(node)) {
    if (typeof value === "string") into.set(`${prefix}${name}`, value);
    else if (value !== null && typeof value === "object") flatten(value as object, `${prefix}${name}.`, into);
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

/** Any template's `{placeholders}` filled as t() fills a message's. */
export function format(template: string, params: MessageParams): string {
  return fill(template.split(PLACEHOLDER), params);
}

/** Literals and placeholders' names in turn (odd parts are names): each name given is put in, the others left visible. */
function fill(parts: readonly string[], params: MessageParams): string {
  let filled = parts[0]!;
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index]!;
    filled += (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : `{${name}}`) + parts[index + 1]!;
  }
  return filled;
}
