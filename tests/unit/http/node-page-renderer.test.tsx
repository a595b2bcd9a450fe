import { createRequire } from "node:module";
import fc from "fast-check";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { renderPagesWithNodeBuild } from "@/server/http/node-page-renderer";

type Renderer = { renderToReadableStream: (node: ReactNode) => Promise<ReadableStream<Uint8Array>> };

const fromHere = createRequire(import.meta.url);
const edgeBuild = fromHere("react-dom/server.edge") as Renderer;
const nodeBuild = fromHere("react-dom/server.node") as Renderer;

async function bytesOf(renderer: Renderer, node: ReactNode): Promise<Buffer> {
  const stream = await renderer.renderToReadableStream(node);
  return Buffer.from(await new Response(stream).arrayBuffer());
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

describe("the Pages Router rendered with React's Node build (portal's server)", () => {
  it("sends Next's require of the Web build to the Node build, and nobody else's", () => {
    expect(renderPagesWithNodeBuild()).toBe(true);
    // Where Next's pages runtime asks for it (next/dist/compiled/next-server/pages*.runtime.prod.js).
    const fromNext = createRequire(fromHere.resolve("next/dist/compiled/next-server/pages.runtime.prod.js"));
    expect(fromNext("react-dom/server.edge")).toBe(nodeBuild);
    expect(fromHere("react-dom/server.edge")).toBe(edgeBuild);
    expect(fromNext("react-dom/server.node")).toBe(nodeBuild);
  });

  it("offers everything Next may call on the Web build", () => {
    const missing = Object.keys(edgeBuild).filter((name) => !(name in nodeBuild));
    expect(missing).toEqual([]);
  });

  it("writes the same bytes as the Web build: texts, attributes, long strings, any characters", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 6 }), async (blocks) => {
        const page = <main lang="fr">{blocks.map(element)}</main>;
        expect((await bytesOf(nodeBuild, page)).equals(await bytesOf(edgeBuild, page))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
