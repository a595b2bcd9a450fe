import { describe, expect, it } from "vitest";
import { formOfHead, readCappedBody } from "@/server/http/read-capped-body";

/**
 * A body over the cap gives back its head, where a form's small fields are (message-post.ts keeps
 * a message's text when its file is too large): read from the platform's own multipart encoding,
 * with its size declared (as browsers send forms) or streamed without one.
 */
const CAP = 64 * 1024;
const HEAD = 8 * 1024;

async function encoded(fields: [string, string | File][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const response = new Response(form);
  return { contentType: response.headers.get("content-type")!, bytes: new Uint8Array(await response.arrayBuffer()) };
}

function request(bytes: Uint8Array<ArrayBuffer>, contentType: string, declared: boolean): Request {
  const headers = new Headers({ "content-type": contentType });
  if (declared) headers.set("content-length", String(bytes.byteLength));
  // Sent in small chunks, as the network hands them over.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.byteLength; at += 4096) controller.enqueue(bytes.slice(at, at + 4096));
      controller.close();
    },
  });
  return new Request("http://localhost/api/messages", { method: "POST", headers, body, duplex: "half" } as RequestInit & { duplex: "half" });
}

describe("a body over the cap keeps its head when asked", () => {
  it.each([true, false])("the fields before a file too large come back whole, the file not at all (size declared: %s)", async (declared) => {
    const file = new File([new Uint8Array(CAP * 2).fill(65)], "scanner.pdf", { type: "application/pdf" });
    const { contentType, bytes } = await encoded([["destinataire", "0b000000-0000-4000-8000-000000000001"], ["sujet", "Genou"], ["texte", "Bonjour docteur,\r\nvoici le scanner : « complet »."], ["fichier", file]]);
    const body = await readCappedBody(request(bytes, contentType, declared), CAP, HEAD);
    expect(body.ok).toBe(false);
    if (body.ok || body.reason !== "too-large") throw new Error("not refused as too large");
    expect(body.head?.byteLength).toBe(HEAD);
    const fields = await formOfHead(body.head!, contentType);
    expect(fields?.get("sujet")).toBe("Genou");
    expect(fields?.get("texte")).toBe("Bonjour docteur,\r\nvoici le scanner : « complet ».");
    expect(fields?.get("destinataire")).toBe("0b000000-0000-4000-8000-000000000001");
    expect(fields?.has("fichier")).toBe(false);
  });

  it("gives no head unless asked, and a body within the cap whole", async () => {
    const { contentType, bytes } = await encoded([["texte", "x".repeat(CAP * 2)]]);
    expect(await readCappedBody(request(bytes, contentType, true), CAP)).toEqual({ ok: false, reason: "too-large" });
    const small = await encoded([["texte", "Bonjour"]]);
    const whole = await readCappedBody(request(small.bytes, small.contentType, true), CAP, HEAD);
    expect(whole).toEqual({ ok: true, bytes: small.bytes });
  });

  it("finds no field in a head cut inside the first one, nor in what is not multipart", async () => {
    const { contentType, bytes } = await encoded([["texte", "x".repeat(HEAD * 2)]]);
    expect(await formOfHead(bytes.slice(0, HEAD), contentType)).toBeUndefined();
    expect(await formOfHead(new TextEncoder().encode("texte=Bonjour"), "application/x-www-form-urlencoded")).toBeUndefined();
    expect(await formOfHead(bytes.slice(0, HEAD), null)).toBeUndefined();
  });
});
