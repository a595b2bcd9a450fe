import "@/server/server-only";
import { env } from "../env";
import { clearTypedHeader, keepTypedHeader, typedOfRequest, type Typed, type TypedForm } from "../http/typed-form-cookie";

/**
 * What a form of the way in (sign-in, forgotten password, activation) held, given back when the
 * server refused it (typed-form-cookie.ts): a person who mistyped her password found the address
 * field empty too and typed it all again on her phone. There is no session yet to bind the
 * cookie to, so it is bound to the form alone: sealed, HttpOnly, SameSite=Strict, on the form's
 * path, for five minutes, forgotten as soon as the form goes through, and given back once: the page
 * that shows it forgets it (on a shared computer, the next person opening the same address finds
 * the field empty). Never in the address (it reaches history and logs), and never a password.
 */
const NO_SESSION = "";

const production = (): boolean => env().APP_ENV === "production";

/** The Set-Cookie header of a refusal: what the form held, kept for its page. */
export function keepTypedBeforeSession<F extends string>(form: TypedForm<F>, typed: Typed<F>): string {
  return keepTypedHeader(form, production(), typed, NO_SESSION);
}

/** The Set-Cookie header of a form that went through: what it held is forgotten. */
export function clearTypedBeforeSession<F extends string>(form: TypedForm<F>): string {
  return clearTypedHeader(form, production());
}

/** The answer `response` (a 303 back to the form, or onwards) with the typed cookie's header. */
export function withTyped(response: Response, setCookie: string): Response {
  response.headers.append("Set-Cookie", setCookie);
  return response;
}

/**
 * What the refused form held, from the page request's cookies (undefined when nothing was kept),
 * taken: the page's answer clears the cookie, so it is shown this once.
 */
export function takeTypedBeforeSession<F extends string>(
  form: TypedForm<F>,
  cookieHeader: string | null,
  res: { appendHeader(name: string, value: string): unknown },
): Typed<F> | undefined {
  const typed = typedOfRequest(form, production(), cookieHeader ?? undefined, NO_SESSION);
  if (typed) res.appendHeader("Set-Cookie", clearTypedBeforeSession(form));
  return typed;
}

