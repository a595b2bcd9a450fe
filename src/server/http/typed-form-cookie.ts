import "@/server/server-only";
import { hkdfSync } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { open, seal } from "../crypto/aes-gcm";
import { secrets } from "../secrets";
import { cookieFrom, setCookieHeader } from "../sharing/share-result-cookie";

/**
 * What a form sent without JavaScript held, given back to it when the server refused it, so that
 * nobody types it all again (found by exploratory tests: every refused form came back empty).
 * Never in the address: typed text can be health data, and addresses reach history and logs.
 * Sealed (AES-256-GCM) in an HttpOnly, SameSite=Strict cookie on the form's page path for five
 * minutes, bound to the session that typed it, to the form and to where it was typed (a
 * conversation, a space): opened anywhere else it gives nothing. The handler clears it once the
 * form succeeds.
 */
export type TypedForm<F extends string> = {
  /** Names the form in the associated data: one form's cookie never opens as another's. */
  name: string;
  /** The cookie's name, without the __Secure- prefix production adds. */
  cookie: string;
  /** The page the refusal goes back to (the cookie's Path): the browser sends it nowhere else. */
  path: `/${string}`;
  /** Each field kept and its maximum length (as the form bounds it). */
  fields: Record<F, number>;
  /**
   * The field shortened when the whole does not fit in one cookie (a message's text): browsers
   * keep at most 4,096 bytes per cookie, name and attributes included (see fitted below).
   */
  longest?: F;
};

export type Typed<F extends string> = Record<F, string>;

const MAX_AGE_SECONDS = 5 * 60;
/**
 * Name, value and attributes of one cookie within 4,096 bytes (RFC 6265 §6.1, what Chromium,
 * Firefox and Safari keep): the value within 3,800 leaves room for the rest.
 */
const MAX_SEALED_CHARS = 3800;
const key = (): Buffer => Buffer.from(hkdfSync("sha256", secrets().authSecret, "espace-sante", "typed-form-v1", 32));
const boundTo = (form: TypedForm<string>, sessionId: string, where: string) => `${form.name}:${where}:${sessionId}`;

export function typedFormCookie<F extends string>(form: TypedForm<F>, production: boolean) {
  return {
    name: `${production ? "__Secure-" : ""}${form.cookie}`,
    options: { httpOnly: true, sameSite: "strict" as const, secure: production, path: form.path, maxAge: MAX_AGE_SECONDS },
  };
}

/** The fields as posted, each bounded as the form bounds it. */
export function typedFields<F extends string>(form: TypedForm<F>, field: (name: F) => string | undefined): Typed<F> {
  const typed = {} as Typed<F>;
  for (const name of Object.keys(form.fields) as F[]) typed[name] = (field(name) ?? "").slice(0, form.fields[name]);
  return typed;
}

/** The fields of a posted form (files and absent fields are empty). */
export function typedFromForm<F extends string>(form: TypedForm<F>, posted: FormData): Typed<F> {
  return typedFields(form, (name) => {
    const value = posted.get(name);
    return typeof value === "string" ? value : undefined;
  });
}

/** The fields of a posted form, the boxes ticked under `many` (checkboxes of one name) joined by commas. */
export function typedFromFormJoining<F extends string>(form: TypedForm<F>, posted: FormData, many: NoInfer<F>): Typed<F> {
  return typedFields(form, (name) => {
    const values = posted.getAll(name).filter((value): value is string => typeof value === "string");
    return name === many ? values.join(",") : values[0];
  });
}

/**
 * When it was sealed, inside the sealed value: the cookie's Max-Age is only what the browser is
 * asked to keep, so a copy of the value (a shared computer's cookie store, a log of Cookie
 * headers) was opened by the portal, and its text printed in a page, days later on any browser
 * (found by the attack round: way-in-typed-replay.test.ts). No form field is named so.
 */
const SEALED_AT = "@sealedAt";

function sealOnce(form: TypedForm<string>, typed: Typed<string>, sessionId: string, where: string, sealedAt: number): string {
  // Deflated first: a French text of 5,000 characters is some 2,000 bytes so, and fits whole far more often.
  const json = JSON.stringify({ ...typed, [SEALED_AT]: sealedAt });
  const { iv, authTag, data } = seal(deflateRawSync(Buffer.from(json, "utf8")), key(), boundTo(form, sessionId, where));
  return [iv, authTag, data].map((part) => part.toString("base64url")).join(".");
}

/**
 * Sealed, within one cookie. A message of 5,000 characters fits once deflated unless it is made of
 * characters that do not compress (5,000 random letters: some 5,000 bytes): then only the start of
 * its longest field is kept, the longest start that fits, rather than nothing or a cookie the
 * browser would drop. A second cookie or a copy on the server would keep it all; five minutes of a
 * draft refused are not worth a table, and the writer still sees the refusal and what was kept.
 */
export function sealTyped<F extends string>(form: TypedForm<F>, typed: Typed<F>, sessionId: string, where = ""): string {
  const sealedAt = Date.now();
  const whole = sealOnce(form, typed, sessionId, where, sealedAt);
  if (whole.length <= MAX_SEALED_CHARS) return whole;
  if (!form.longest) return "";
  const longest = form.longest;
  // The token kept is one measured to fit, never sealed again: the deflated size of the same text
  // is not the same from one seal to the next (the time sealed inside compresses differently), so
  // a start found to fit at 3,800 characters, sealed again, came out at 3,801 and was dropped
  // whole (CI, typed-form-cookie.test.ts, once in some hundreds of runs).
  let kept = sealOnce(form, { ...typed, [longest]: "" }, sessionId, where, sealedAt);
  if (kept.length > MAX_SEALED_CHARS) return "";
  let [fits, fails] = [0, typed[longest].length];
  while (fails - fits > 1) {
    const middle = Math.floor((fits + fails) / 2);
    const token = sealOnce(form, { ...typed, [longest]: typed[longest].slice(0, middle) }, sessionId, where, sealedAt);
    if (token.length <= MAX_SEALED_CHARS) [fits, kept] = [middle, token];
    else fails = middle;
  }
  return kept;
}

/** The fields, when `token` was sealed for this form, this very session and this place, less than five minutes ago; undefined otherwise. */
export function openTyped<F extends string>(form: TypedForm<F>, token: string | undefined, sessionId: string, where = ""): Typed<F> | undefined {
  if (!token || token.length > MAX_SEALED_CHARS) return undefined;
  try {
    const [iv, authTag, data, ...rest] = token.split(".");
    if (iv === undefined || authTag === undefined || data === undefined || rest.length > 0) return undefined;
    const sealed = { iv: Buffer.from(iv, "base64url"), authTag: Buffer.from(authTag, "base64url"), data: Buffer.from(data, "base64url") };
    const json = inflateRawSync(open(sealed, key(), boundTo(form, sessionId, where)), { maxOutputLength: 64 * 1024 }).toString("utf8");
    const value = JSON.parse(json) as Record<string, unknown>;
    const sealedAt = value[SEALED_AT];
    // Past its five minutes (or sealed "later" than now), as if the browser had dropped it.
    if (typeof sealedAt !== "number" || Date.now() - sealedAt > MAX_AGE_SECONDS * 1000 || sealedAt > Date.now() + 60_000) return undefined;
    return typedFields(form, (name) => (typeof value[name] === "string" ? value[name] : undefined));
  } catch {
    return undefined;
  }
}

/** The Set-Cookie header that keeps what a refused form held. */
export function keepTypedHeader<F extends string>(form: TypedForm<F>, production: boolean, typed: Typed<F>, sessionId: string, where = ""): string {
  const cookie = typedFormCookie(form, production);
  return setCookieHeader(cookie.name, sealTyped(form, typed, sessionId, where), cookie.options);
}

/** The Set-Cookie header that forgets it, once the form went through. */
export function clearTypedHeader<F extends string>(form: TypedForm<F>, production: boolean): string {
  const cookie = typedFormCookie(form, production);
  return setCookieHeader(cookie.name, "", { ...cookie.options, maxAge: 0 });
}

/** What the refused form held, from the page request's cookies. */
export function typedOfRequest<F extends string>(form: TypedForm<F>, production: boolean, cookieHeader: string | undefined, sessionId: string, where = ""): Typed<F> | undefined {
  return openTyped(form, cookieFrom(cookieHeader ?? null, typedFormCookie(form, production).name), sessionId, where);
}
