/**
 * React's Node build as Next's Pages Router uses it, with `renderToReadableStream` answered by
 * `renderToString`, the same renderer run synchronously into one string.
 *
 * Next renders a Pages Router page three times (its body, styled-jsx's styles, the document), and
 * each time waits for the whole stream (`allReady`) and turns it back into a string
 * (next/dist/server/render.js, renderToString and renderShell): nothing is streamed to the browser
 * before the page is whole. React's streaming renderer pays for what is not used here: a Web
 * stream per render, its work scheduled in microtasks and pulled chunk by chunk, bytes encoded
 * then decoded. `renderToString` writes the same HTML straight into a string
 * (tests/unit/http/node-page-renderer.test.tsx compares the bytes).
 *
 * Measured on the pages bench's held world, one build, a server with this and one without,
 * alternating, 10 rounds of 3 s at 50 connections, process CPU per documents page (median):
 * 4.60 → 3.63 ms (ratio 0.80, 0.66–0.89), 21 % more pages in the same time; the empty page
 * 1.55 → 1.34 ms sequential (scripts/bench/measured/pages-2026-12-03.txt, seventh session).
 *
 * `renderToString` cannot wait for anything: a part of the page that suspends (a Suspense
 * boundary waiting on data) comes out as its fallback, marked for the browser to render
 * (`<!--$!-->`), and a shell that suspends throws. No page of the portal suspends (their data is
 * read before rendering, in getServerSideProps), but if one ever does, or a render throws, or Next
 * passes an option that only the stream knows, the page is rendered again by the streaming
 * renderer, as Next would have done: the answer is the same, only slower.
 */
type Renderable = Parameters<typeof import("react-dom/server.node").renderToString>[0];
export type NodeBuild = Pick<typeof import("react-dom/server.node"), "renderToString" | "renderToReadableStream">;
type PagesStream = ReadableStream<Uint8Array> & { allReady: Promise<void> };

/** The marker of a Suspense boundary left for the browser to render (React's Fizz, legacy build). */
const CLIENT_RENDERED_BOUNDARY = "<!--$!-->";
const encoder = new TextEncoder();

export function stringRenderer<B extends NodeBuild>(nodeBuild: B): B {
  const streamed = (node: Renderable, options?: Parameters<B["renderToReadableStream"]>[1]) =>
    nodeBuild.renderToReadableStream(node, options) as Promise<PagesStream>;
  async function renderToReadableStream(node: Renderable, options?: Parameters<B["renderToReadableStream"]>[1]): Promise<PagesStream> {
    if (options && Object.keys(options).some((key) => key !== "identifierPrefix")) return streamed(node, options);
    let html: string;
    try {
      html = nodeBuild.renderToString(node, options);
    } catch {
      return streamed(node, options);
    }
    if (html.includes(CLIENT_RENDERED_BOUNDARY)) return streamed(node, options);
    return oneChunk(encoder.encode(html));
  }
  return { ...nodeBuild, renderToReadableStream };
}

/** A finished stream of one chunk, already "all ready" as Next waits for. */
function oneChunk(bytes: Uint8Array): PagesStream {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  }) as PagesStream;
  stream.allReady = Promise.resolve();
  return stream;
}
