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

/** The string at `key`, with `{placeholders}` filled from `params` (missing ones are left visible). */
export function t(key: MessageKey, params?: MessageParams, locale: Locale = DEFAULT_LOCALE): string {
  let node: unknown = CATALOGUES[locale];
  for (const part of key.split(".")) {
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== "string") throw new Error(`Message manquant : ${key}`);
  return params ? format(node, params) : node;
}

export function format(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
