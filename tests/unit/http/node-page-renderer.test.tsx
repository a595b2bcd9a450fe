import { createRequire } from "node:module";
import fc from "fast-check";
import { Suspense, use, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderPagesWithNodeBuild } from "@/server/http/node-page-renderer";

type Renderer = { renderToReadableStream: (node: ReactNode) => Promise<ReadableStream<Uint8Array> & { allReady: Promise<void> }> };

const fromHere = createRequire(import.meta.url);
const edgeBuild = fromHere("react-dom/server.edge") as Renderer;
const nodeBuild = fromHere("react-dom/server.node") as Renderer;

/**
 * What Next reads of a render: the whole stream, once all of it is ready, through its own
 * streamToString (next/dist/server/render.js), which the pages runtime has a copy of.
 */
const { streamToString } = fromHere("next/dist/server/stream-utils/node-web-streams-helper.js") as {
  streamToString: (stream: AsyncIterable<Uint8Array>) => Promise<string>;
};
async function bytesOf(renderer: Renderer, node: ReactNode): Promise<Buffer> {
  const stream = await renderer.renderToReadableStream(node);
  await stream.allReady;
  return Buffer.from(await streamToString(stream as unknown as AsyncIterable<Uint8Array>));
}

/** A page-like tree: nested blocks with attributes and texts, long ones too (React writes those apart). */
type Block = { tag: "p" | "div" | "li" | "span"; title: string; text: string; children: Block[] };
const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", minLength: 1300, maxLength: 3000 }));
const tag = fc.constantFrom("p" as const, "div" as const, "li" as const, "span" as const);
const title = fc.string({ unit: "grapheme", maxLength: 20 });
const { block } = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 3, depthIdentifier: "blocks" },
    fc.record({ tag, title, text, children: fc.constant<Block[]>([]) }),
    fc.record({ tag, title, text, children: fc.array(tie("block"), { maxLength: 4, depthIdentifier: "blocks" }) }),
  ),
}));
function element({ tag: Tag, title, text: words, children }: Block, key?: number): ReactNode {
  return (
    <Tag key={key} title={title} className="px-4 py-2">
      {words}
      {children.map(element)}
    </Tag>
  );
}

/** A text that arrives later: the part of a page that shows it suspends until then. */
function Later({ text }: { text: Promise<string> }) {
  return <p>{use(text)}</p>;
}
const later = (text: string) => new Promise<string>((resolve) => setTimeout(() => resolve(text), 5));

describe("the Pages Router rendered with React's Node build into strings (portal's server)", () => {
  expect(renderPagesWithNodeBuild()).toBe(true);
  // Where Next's pages runtime asks for it (next/dist/compiled/next-server/pages*.runtime.prod.js).
  const fromNext = createRequire(fromHere.resolve("next/dist/compiled/next-server/pages.runtime.prod.js"));
  const pagesRenderer = fromNext("react-dom/server.edge") as Renderer;

  it("sends Next's require of the Web build to the string renderer, and nobody else's", () => {
    expect(pagesRenderer).not.toBe(edgeBuild);
    expect(pagesRenderer).not.toBe(nodeBuild);
    expect(fromNext("react-dom/server.edge")).toBe(pagesRenderer);
    expect(fromHere("react-dom/server.edge")).toBe(edgeBuild);
    expect(fromNext("react-dom/server.node")).toBe(nodeBuild);
  });

  it("offers everything Next may call on the Web build", () => {
    const missing = Object.keys(edgeBuild).filter((name) => !(name in pagesRenderer));
    expect(missing).toEqual([]);
  });

  it("writes the same bytes as the Web build: texts, attributes, long strings, any characters", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 6 }), async (blocks) => {
        const page = <main lang="fr">{blocks.map(element)}</main>;
        expect((await bytesOf(pagesRenderer, page)).equals(await bytesOf(edgeBuild, page))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("renders a page that does not suspend once, into a string, without React's stream", async () => {
    const build = nodeBuild as Renderer & { renderToString: (node: ReactNode) => string };
    const toString = vi.spyOn(build, "renderToString");
    const toStream = vi.spyOn(build, "renderToReadableStream");
    try {
      await bytesOf(pagesRenderer, <main>Vos documents</main>);
      expect(toString).toHaveBeenCalledTimes(1);
      expect(toStream).not.toHaveBeenCalled();
    } finally {
      toString.mockRestore();
      toStream.mockRestore();
    }
  });

  it("gives a stream that is already all ready, as Next waits for", async () => {
    const stream = await pagesRenderer.renderToReadableStream(<p>Bonjour</p>);
    await expect(stream.allReady).resolves.toBeUndefined();
    expect(await streamToString(stream as unknown as AsyncIterable<Uint8Array>)).toBe("<p>Bonjour</p>");
  });

  it("reads once: a second reading finds nothing left, as with a stream", async () => {
    const stream = (await pagesRenderer.renderToReadableStream(<p>Bonjour</p>)) as unknown as AsyncIterable<Uint8Array>;
    expect(await streamToString(stream)).toBe("<p>Bonjour</p>");
    expect(await streamToString(stream)).toBe("");
  });

  it("answers as a Web stream whatever else a later Next may call on it", async () => {
    const piped = await pagesRenderer.renderToReadableStream(<p>Bonjour</p>);
    expect(await new Response(piped.pipeThrough(new TransformStream())).text()).toBe("<p>Bonjour</p>");
    const reader = (await pagesRenderer.renderToReadableStream(<p>Ordonnance</p>)).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("<p>Ordonnance</p>");
    expect((await reader.read()).done).toBe(true);
    const [a, b] = (await pagesRenderer.renderToReadableStream(<p>Vaccins</p>)).tee();
    expect([await new Response(a).text(), await new Response(b).text()]).toEqual(["<p>Vaccins</p>", "<p>Vaccins</p>"]);
  });

  it("waits, as the stream did, for a part of the page that suspends, instead of sending its fallback", async () => {
    const page = (text: Promise<string>) => (
      <main>
        <Suspense fallback={<p>Chargement…</p>}>
          <Later text={text} />
        </Suspense>
      </main>
    );
    const html = (await bytesOf(pagesRenderer, page(later("Vos documents")))).toString();
    expect(html).toContain("Vos documents");
    expect(html).not.toContain("Chargement");
    expect(html).toBe((await bytesOf(nodeBuild, page(later("Vos documents")))).toString());
  });

  it("waits for a page whose whole shell suspends", async () => {
    const html = (await bytesOf(pagesRenderer, <Later text={later("Ordonnance")} />)).toString();
    expect(html).toBe("<p>Ordonnance</p>");
  });

  it("fails a page that throws as the stream did: Next shows its error page", async () => {
    function Broken(): ReactNode {
      throw new Error("cassé");
    }
    // React's stream logs the error too, as it did for Next.
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await expect(pagesRenderer.renderToReadableStream(<Broken />)).rejects.toThrow("cassé");
      await expect(nodeBuild.renderToReadableStream(<Broken />)).rejects.toThrow("cassé");
    } finally {
      logged.mockRestore();
    }
  });
});
