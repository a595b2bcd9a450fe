import "@/server/server-only";
import { cookieFrom } from "../sharing/share-result-cookie";

/**
 * A cookie of the request, from its Cookie header, URL-decoded as `cookies()` gives it (for the
 * Pages Router's getServerSideProps, where `cookies()` does not exist). A value that does not
 * decode is no value.
 */
export function requestCookie(cookieHeader: string | null, name: string): string | undefined {
  const value = cookieFrom(cookieHeader, name);
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
