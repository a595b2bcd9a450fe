import { env as currentEnv, type Env } from "../env";

/**
 * The portal's public address for one request: what links, QR codes and sign-in redirects are
 * built from.
 *
 * APP_URL when it is set (always in production, where env.ts requires it). Otherwise (a demo or
 * a developer's machine) the address follows the server: http://localhost:<PORT>, or, when the
 * page was reached on a loopback address (localhost, 127.0.0.1, [::1], with any port), that
 * address, so that signing in at http://127.0.0.1:3000 or on another port lands back there,
 * where the browser holds its cookies. Any other Host header is ignored: it is the client's
 * word, and a name resolving to this machine (DNS rebinding) must not end up in a link.
 */
export function publicUrlFor(host: string | null | undefined, env: Pick<Env, "APP_URL" | "APP_URL_SET">): string {
  const configured = env.APP_URL.replace(/\/+$/, "");
  // Only a bare host and port: anything else (credentials, a path) is not a Host header.
  if (env.APP_URL_SET || !host || /[@/?#\\\s]/.test(host)) return configured;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return configured;
  }
  return isLoopback(url.hostname) ? url.origin : configured;
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The public address for a request, from its Host header and the environment. */
export function publicUrlOf(headers: Headers): string {
  return publicUrlFor(headers.get("host"), currentEnv());
}
