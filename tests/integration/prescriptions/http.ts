/**
 * Real Requests for the route handlers of the prescriptions and the pharmacist's link, as a
 * browser's plain form post would send them (same-origin, urlencoded body), and what the tests
 * read back from the answers.
 */
export const APP = "http://localhost:3000";

export type PostOptions = { cookie?: string; origin?: string | null; address?: string };

export function formPost(path: string, fields: Record<string, string>, options: PostOptions = {}): Request {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": options.address ?? "198.51.100.20" });
  if (options.origin !== null) headers.set("origin", options.origin ?? APP);
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(`${APP}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

export function get(path: string, options: { cookie?: string } = {}): Request {
  const headers = new Headers();
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(`${APP}${path}`, { headers });
}

export const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

/** "name=value" of the first Set-Cookie, as the browser would send it back. */
export function cookieOf(response: Response): string | undefined {
  return response.headers.get("set-cookie")?.split(";")[0];
}

export const locationOf = (response: Response) => response.headers.get("location");

export const secretOf = (url: string) => url.split("#")[1] ?? "";
