// Where a frame of a V8 profile (CPU or allocation) of the built portal was in the source: the
// chunk's source map (Turbopack's, indexed by module), read once per chunk. Shared by
// profile-by-page.mjs and alloc-per-view.mjs.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SourceMapConsumer } from "source-map-js";

/** Each chunk's source map, once read. */
const consumers = new Map();

/**
 * Where a frame of Next's bundled chunks comes from in the portal's own sources (the chunk's
 * source map, written by the build beside it): the chunks' minified names (« k », « j ») say
 * nothing of which component or helper they are.
 */
export function originalOf(frame) {
  // A CPU profile names chunks by file URL, an allocation profile by path.
  if (!frame.url.includes("/.next/")) return undefined;
  let consumer = consumers.get(frame.url);
  if (consumer === undefined) {
    const map = `${frame.url.startsWith("file://") ? fileURLToPath(frame.url) : frame.url}.map`;
    consumer = existsSync(map) ? sectioned(JSON.parse(readFileSync(map, "utf8"))) : null;
    consumers.set(frame.url, consumer);
  }
  if (!consumer) return undefined;
  const at = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  return at.source ? `${at.source.replace(/^.*?\/(src|node_modules)\//, "$1/")}:${at.line}` : undefined;
}

/** Turbopack writes indexed source maps (« sections »), one per module of the chunk. */
function sectioned(map) {
  if (!map.sections) return new SourceMapConsumer(map);
  const sections = map.sections.map((section) => ({ offset: section.offset, consumer: new SourceMapConsumer(section.map) }));
  return {
    originalPositionFor({ line, column }) {
      let found;
      for (const section of sections) {
        const { line: l, column: c } = section.offset;
        if (l + 1 < line || (l + 1 === line && c <= column)) found = section;
      }
      if (!found) return {};
      const { line: l, column: c } = found.offset;
      return found.consumer.originalPositionFor({ line: line - l, column: line - l === 1 ? column - c : column });
    },
  };
}
