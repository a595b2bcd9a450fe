// The pages a held world of the pages bench lists (BENCH_PAGES_HOLD), and one client that views
// them one request at a time on a server of that world: shared by profile-by-page.mjs and
// alloc-per-view.mjs.
import { readFileSync } from "node:fs";
import http from "node:http";

/** The held world's file: its environment (`env`) and its pages, by the keys asked. */
export function heldPages(holdFile, keys) {
  const hold = JSON.parse(readFileSync(holdFile, "utf8"));
  const pages = keys.split(",").map((key) => {
    const page = hold.pages.find((p) => p.key === key);
    if (!page) throw new Error(`no page "${key}" in ${holdFile}`);
    return page;
  });
  return { hold, pages };
}

/**
 * Views a page on `port` over one kept-alive connection, as its visitor (its cookie, gzip); rejects
 * on anything but a 200. `close()` ends the connection, or it keeps the process alive.
 */
export function pageViewer(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const view = (page) =>
    new Promise((resolve, reject) => {
      const url = new URL(page.url);
      url.port = port;
      http
        .get(url, { agent, headers: { cookie: page.cookie, "accept-encoding": "gzip" } }, (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${page.key} answered ${res.statusCode}`))));
        })
        .on("error", reject);
    });
  view.close = () => agent.destroy();
  return view;
}
