import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gated, RenderGate } from "@/server/http/render-gate";

/** Just what the gate uses of a response: its end events and whether its socket is gone. */
class FakeResponse extends EventEmitter {
  destroyed = false;
  socket = { destroyed: false };
  written: string[] = [];
  writeHead(status: number) {
    this.written.push(`head ${status}`);
    return this;
  }
  write(chunk: string) {
    this.written.push(chunk);
    return true;
  }
  end() {
    this.emit("finish");
    this.emit("close");
    return this;
  }
}
const response = () => new FakeResponse() as FakeResponse & ServerResponse;

describe("RenderGate: a few requests inside Next at once, the others in turn", () => {
  it("starts at most `limit`, then one more each time one ends, in arrival order", () => {
    const gate = new RenderGate(2);
    const started: number[] = [];
    const responses = [0, 1, 2, 3].map((i) => {
      const res = response();
      gate.run(res, () => started.push(i));
      return res;
    });
    expect(started).toEqual([0, 1]);
    expect(gate.waiting).toBe(2);
    responses[1]!.end();
    expect(started).toEqual([0, 1, 2]);
    responses[0]!.end();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(gate.waiting).toBe(0);
  });

  it("gives the slot back at the answer's first byte: a client that reads slowly holds none", () => {
    const gate = new RenderGate(1);
    const started: string[] = [];
    const slow = response();
    gate.run(slow, () => started.push("slow"));
    gate.run(response(), () => started.push("next"));
    expect(started).toEqual(["slow"]);
    slow.write("<!DOCTYPE html>");
    expect(started).toEqual(["slow", "next"]);
    // The response itself is written as usual, and later writes do not release twice.
    slow.write("<html>");
    expect(slow.written).toEqual(["<!DOCTYPE html>", "<html>"]);
    gate.run(response(), () => started.push("third"));
    expect(started).toEqual(["slow", "next"]);
  });

  it.each(["writeHead", "end"] as const)("counts %s as the first byte too", (method) => {
    const gate = new RenderGate(1);
    const started: string[] = [];
    const first = response();
    gate.run(first, () => started.push("first"));
    gate.run(response(), () => started.push("second"));
    if (method === "writeHead") first.writeHead(303);
    else first.end();
    expect(started).toEqual(["first", "second"]);
  });

  it("gives a slot back once when the client goes away, even if both end events fire", () => {
    const gate = new RenderGate(1);
    const started: string[] = [];
    const first = response();
    gate.run(first, () => started.push("first"));
    gate.run(response(), () => started.push("second"));
    gate.run(response(), () => started.push("third"));
    first.emit("close");
    first.emit("finish");
    expect(started).toEqual(["first", "second"]);
  });

  it("does not render for a client that left while it waited", () => {
    const gate = new RenderGate(1);
    const started: string[] = [];
    const first = response();
    gate.run(first, () => started.push("first"));
    const gone = response();
    gone.destroyed = true;
    gate.run(gone, () => started.push("gone"));
    gate.run(response(), () => started.push("third"));
    first.end();
    expect(started).toEqual(["first", "third"]);
  });

  it("never has more than `limit` running, whatever the order requests end in", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (limit, endOrder) => {
        const gate = new RenderGate(limit);
        const running = new Set<FakeResponse>();
        let peak = 0;
        const all = endOrder.map(() => {
          const res = response();
          gate.run(res, () => {
            running.add(res);
            peak = Math.max(peak, running.size);
          });
          return res;
        });
        // End running requests in an arbitrary order until every request has run.
        for (const pick of [...endOrder, ...all.map((_, i) => i)]) {
          const list = [...running];
          if (list.length === 0) break;
          const ending = list[pick % list.length]!;
          // Its render is over as its answer starts: the next one may begin at that instant.
          running.delete(ending);
          ending.end();
        }
        expect(peak).toBeLessThanOrEqual(limit);
        expect(gate.waiting).toBe(0);
        expect(running.size).toBe(0);
      }),
    );
  });
});

describe("gated: what waits for a slot", () => {
  const req = (method: string) => ({ method }) as IncomingMessage;
  it.each([
    ["GET", "/espace/documents", true],
    ["HEAD", "/espace", true],
    ["POST", "/api/partage/bloquer", false], // a body sent slowly would hold the slot
    ["POST", "/espace/prevention/fait", false],
    ["GET", "/_next/static/chunks/main.js", false],
    ["GET", "/icon.svg", false],
    ["POST", "/api/documents", false], // an upload streams up to 20 MB
    ["POST", "/api/messages", false],
    ["GET", "/api/documents/0d1c/file", false], // a stored file streams out
    ["GET", "/api/documents", true],
    ["PUT", "/api/fhir/R4/Patient/x", false],
  ])("%s %s → %s", (method, path, expected) => {
    expect(gated(req(method), path)).toBe(expected);
  });
});
