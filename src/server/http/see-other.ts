/**
 * The answer to a form post: "see this page" (303, so the browser follows with a GET and a
 * reload does not post again). The Location is a path on our own site, never taken from input.
 */
export function seeOther(path: `/${string}`): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
