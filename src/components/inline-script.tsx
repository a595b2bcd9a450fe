/**
 * A behaviour run by an inline script, on the pages that send no runtime JavaScript (the Pages
 * Router's): the function's own source, called once with the page's window, under the page's
 * CSP nonce. No bundle, a few hundred bytes. The function must use nothing of its module: only
 * its arguments and the browser's globals.
 */
export function InlineScript<A extends unknown[]>({ nonce, run, args }: { nonce: string | null | undefined; run: (win: Window, ...args: A) => unknown; args: A }) {
  // The arguments as JSON, "<" escaped so that none can close the script element.
  const source = `(${run.toString()})(window${args.map((arg) => `, ${JSON.stringify(arg).replace(/</g, "\\u003c")}`).join("")});`;
  return <script nonce={nonce ?? undefined} dangerouslySetInnerHTML={{ __html: source }} />;
}
