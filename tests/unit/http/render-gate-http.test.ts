import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RenderGate } from "@/server/http/render-gate";

/**
 * The gate on a real Node server, one slot: a client that asks for a big page and never reads
 * it must not stop the next person's page (the slot is given back at the first byte).
 */
describe("RenderGate on a real HTTP server", () => {
  const gate = new RenderGate(1);
  const big = Buffer.alloc(8 * 1024 * 1024, "a"); // far more than the socket buffers hold
  const server = http.createServer((req, res) =>
    gate.run(res, () => {
      if (req.url === "/big") return void res.end(big);
      if (req.url === "/wrapped") {
        // As Next's compression does: it wraps write and end after the gate, and every chunk
        // must still go through its wrappers (here, an upper-casing "encoding").
        const write = res.write.bind(res) as (chunk: string) => boolean;
        const end = res.end.bind(res) as (chunk?: string) => http.ServerResponse;
        res.write = ((chunk: string) => write(chunk.toUpperCase())) as typeof res.write;
        res.end = ((chunk?: string) => end(chunk?.toUpperCase())) as typeof res.end;
        res.write("petite ");
        res.write("page ");
        return void res.end("encodée");
      }
      res.end("petite page");
    }),
  );
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("serves the next page while a slow reader holds an unread 8 MB answer", async () => {
    const stalled = http.get({ host: "127.0.0.1", port, path: "/big" }, (res) => res.pause());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/" }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
    expect(body).toBe("petite page");
    stalled.destroy();
  });

  it("leaves the methods a later wrapper installed in place, for every chunk", async () => {
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/wrapped" }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
    expect(body).toBe("PETITE PAGE ENCODÉE");
  });
});
