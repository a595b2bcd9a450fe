import Module from "node:module";
import path from "node:path";
import { stringRenderer, type NodeBuild } from "./string-page-renderer";

/**
 * Next renders the Pages Router with React's Web build, `react-dom/server.edge`, even on Node
 * (next/dist/server/ReactDOMServerPages.js: « TODO: Use Node.js build unless we're in an Edge
 * runtime »). That build turns every attribute value and text of a page into bytes with a
 * TextEncoder.encode call of its own, then copies them: 7–12 % of a page's CPU in the profiles of
 * issue 16, with the garbage it leaves. React 19's Node build has the same renderToReadableStream
 * and writes each string straight into its buffer (encodeInto); the HTML is byte for byte the same
 * (tests/unit/http/node-page-renderer.test.tsx).
 *
 * Measured on the pages bench's held world, one build, a server with this and one without,
 * alternating, 10 rounds of 200–300 sequential views, process CPU per view (median): documents
 * 4.63 → 4.32 ms, prescriptions 5.83 → 5.30, the professional's record 6.05 → 5.48
 * (scripts/bench/measured/pages-2026-12-03.txt).
 *
 * Since then, the Node build renders each page into a string, not a stream (string-page-renderer.ts
 * says why): another 20 % of a documents page's CPU.
 *
 * So the portal's server sends Next's `require("react-dom/server.edge")` to that renderer, kept
 * in require's cache under a name of its own (it is made here, not read from a file). Node 20 has
 * no public hook for CommonJS resolution (module.registerHooks arrives in 22.15), hence
 * Module._resolveFilename, and only for requires from Next's own files: the App Router renders
 * with its own vendored copy and is untouched, as is anything else. If the hook or the cache is
 * not there, or React's Node build lacks renderToReadableStream, nothing changes and Next keeps
 * its choice. `next dev` does not run this server and keeps the Web build.
 */
export function renderPagesWithNodeBuild(): boolean {
  const loader = Module as unknown as { _resolveFilename?: Resolve; _cache?: Record<string, Module> };
  const resolve = loader._resolveFilename;
  const nodeBuild = reactNodeBuild();
  if (typeof resolve !== "function" || !loader._cache || !nodeBuild) return false;
  const renderer = new Module(RENDERER_ID);
  renderer.filename = RENDERER_ID;
  renderer.loaded = true;
  renderer.exports = stringRenderer(nodeBuild);
  loader._cache[RENDERER_ID] = renderer;
  loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const fromNext = request === EDGE_BUILD && parent?.filename?.includes(NEXT_FILES) === true;
    return fromNext ? RENDERER_ID : resolve.call(this, request, parent, ...rest);
  };
  return true;
}

type Resolve = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;

/** The renderer's name in require's cache: an absolute path no file has. */
const RENDERER_ID = path.join(path.sep, "espace-sante", "pages-string-renderer.js");

const EDGE_BUILD = "react-dom/server.edge";
const NODE_BUILD = "react-dom/server.node";
/** Next's own files, wherever node_modules is. */
const NEXT_FILES = path.join("node_modules", "next", "dist") + path.sep;

/** React's Node build, if it has both renderers this needs. */
function reactNodeBuild(): NodeBuild | undefined {
  try {
    const nodeBuild = Module.createRequire(import.meta.url)(NODE_BUILD) as Partial<NodeBuild>;
    const both = typeof nodeBuild.renderToReadableStream === "function" && typeof nodeBuild.renderToString === "function";
    return both ? (nodeBuild as NodeBuild) : undefined;
  } catch {
    return undefined;
  }
}
