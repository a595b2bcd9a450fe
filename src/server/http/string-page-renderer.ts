import { ReadableStream as WebStream } from "node:stream/web";

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

/**
 * A finished render of one chunk, already "all ready", as Next reads it: `await stream.allReady`,
 * then `for await (const chunk of stream)` (streamToString in
 * next/dist/server/stream-utils/node-web-streams-helper.js, and its copy in the pages runtime: the
 * only use Next makes of what renderToReadableStream returns on this path).
 *
 * Not a Web ReadableStream until something asks for one: on Node 20 each ReadableStream makes
 * itself transferable (makeTransferable), and reading it goes through a reader, its state and its
 * promises. Next builds two per page view (the page, styled-jsx's styles): V8 profiles of the empty
 * page at 50 connections, same build with and without, lost makeTransferable (44 µs a view),
 * JSTransferable, the stream's state and the reader's release, about 75 µs of 1.5–1.9 ms per view
 * (issue 16; scripts/bench/measured/pages-2026-12-04.txt, twelfth session). Anything else a later
 * Next may call (getReader, pipeThrough…) gets a real stream of the same bytes, made then.
 */
class RenderedPage implements AsyncIterable<Uint8Array> {
  readonly allReady = Promise.resolve();
  private read = false;
  private stream: WebStream<Uint8Array> | undefined;

  constructor(private readonly bytes: Uint8Array) {}

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.stream) return this.stream[Symbol.asyncIterator]();
    return {
      next: async () => {
        if (this.read) return { done: true, value: undefined };
        this.read = true;
        return { done: false, value: this.bytes };
      },
      return: async () => {
        this.read = true;
        return { done: true, value: undefined };
      },
    };
  }

  get locked(): boolean {
    return this.asStream().locked;
  }
  getReader(...args: unknown[]): unknown {
    return this.delegate("getReader", args);
  }
  pipeThrough(...args: unknown[]): unknown {
    return this.delegate("pipeThrough", args);
  }
  pipeTo(...args: unknown[]): unknown {
    return this.delegate("pipeTo", args);
  }
  tee(...args: unknown[]): unknown {
    return this.delegate("tee", args);
  }
  cancel(...args: unknown[]): unknown {
    return this.delegate("cancel", args);
  }
  values(...args: unknown[]): unknown {
    return this.delegate("values", args);
  }

  private delegate(method: "getReader" | "pipeThrough" | "pipeTo" | "tee" | "cancel" | "values", args: unknown[]): unknown {
    const stream = this.asStream();
    return Reflect.apply(stream[method], stream, args);
  }

  /** The same bytes as a Web stream; none left if they were already read. */
  private asStream(): WebStream<Uint8Array> {
    this.stream ??= new WebStream<Uint8Array>({
      start: (controller) => {
        if (!this.read) controller.enqueue(this.bytes);
        this.read = true;
        controller.close();
      },
    });
    return this.stream;
  }
}

function oneChunk(bytes: Uint8Array): PagesStream {
  // Typed as what it stands for: it answers every member of a ReadableStream (see RenderedPage).
  return new RenderedPage(bytes) as unknown as PagesStream;
}
