import "@/server/server-only";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A request from the App Router's client (a page that still has Next's runtime prefetching a
 * link, or following one) for a page of the Pages Router: it wants React's flight data, which
 * these pages do not make, and without this it got the whole page, its getServerSideProps
 * included, so a mere prefetch read the patient's record and left audit rows for a page the
 * person never opened, and a click rendered the page twice. Answered « 204 No Content » before
 * anything is read: the App Router then loads the page as a plain navigation, once.
 */
export function answeredAppRouterFetch(req: Pick<IncomingMessage, "headers">, res: ServerResponse): boolean {
  if (req.headers["rsc"] !== "1") return false;
  res.statusCode = 204;
  res.setHeader("Cache-Control", "no-store");
  res.end();
  return true;
}
