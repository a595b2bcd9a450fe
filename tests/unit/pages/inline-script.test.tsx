import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineScript } from "@/components/inline-script";

/**
 * The pages without runtime JavaScript carry their few behaviours as inline scripts made of a
 * function's source: the script runs that function with its arguments, and no argument can end
 * the script element (an invitation link, say, is the server's data, not the page's code).
 */
function remember(win: Window, value: string, count: number) {
  (win as unknown as { seen: unknown[] }).seen = [value, count, value.length < 100];
}

describe("InlineScript", () => {
  it("runs the function with the window and its arguments, under the nonce", () => {
    const html = renderToStaticMarkup(<InlineScript nonce="abc" run={remember} args={["lien", 3]} />);
    expect(html).toMatch(/^<script nonce="abc">/);
    const source = /<script[^>]*>([\s\S]*)<\/script>$/.exec(html)![1]!;
    const win = {} as { seen?: unknown[] };
    new Function("window", source)(win);
    expect(win.seen).toEqual(["lien", 3, true]);
  });

  it("keeps an argument that holds </script> inside the script, and gives it back whole", () => {
    const hostile = "</script><script>alert(1)</script>";
    const html = renderToStaticMarkup(<InlineScript nonce="abc" run={remember} args={[hostile, 1]} />);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const win = {} as { seen?: unknown[] };
    new Function("window", /<script[^>]*>([\s\S]*)<\/script>$/.exec(html)![1]!)(win);
    expect(win.seen?.[0]).toBe(hostile);
  });
});
