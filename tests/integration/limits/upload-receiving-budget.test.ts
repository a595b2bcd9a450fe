import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/documents/route";
import { ReceivingBudget, setUploadReceiving } from "@/server/http/upload-receiving";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { buildMessagesWorld, noticeOf, ROUTES, type MessagesWorld } from "../messages/world";

useTestDatabase();

/**
 * Upload bodies are read whole before they take a turn (upload-turns.ts), and nothing bounded how
 * many were read at once: sixteen 20 MB messages sent together by one signed-in account took the
 * running portal from 414 MB to 912 MB (attack round). Bodies held in a process now stay within
 * a budget (upload-receiving.ts); past it a body is refused as it arrives, « try again », as when no
 * turn comes. Here the budget is 3 MB: one body of 2.5 MB still arriving holds most of it.
 */
const MB = 1024 * 1024;
const BOUNDARY = "----espace-sante-budget";
const budget = new ReceivingBudget(3 * MB);
let world: MessagesWorld;
beforeAll(async () => {
  world = await buildMessagesWorld();
  setUploadReceiving(budget);
}, 120_000);
afterAll(() => setUploadReceiving(undefined));

const encode = (text: string) => new TextEncoder().encode(text);
const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="fichier"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`;
const tail = `\r\n--${BOUNDARY}--\r\n`;

/** A multipart body whose file part has `megabytes` of bytes and whose end is sent only when `finish` is called. */
function slowBody(fields: string, megabytes: number) {
  let finish = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encode(fields + fileHead));
      for (let i = 0; i < megabytes * 2; i++) controller.enqueue(new Uint8Array(MB / 2).fill(0x20));
      finish = () => {
        controller.enqueue(encode(tail));
        controller.close();
      };
    },
  });
  return { stream, finish: () => finish() };
}

async function call(path: string, route: (request: Request) => Promise<Response>, body: BodyInit, cookie: string): Promise<Response> {
  const request = new Request(`${appUrl()}${path}`, {
    method: "POST",
    headers: { origin: appUrl(), cookie, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: "half",
  } as RequestInit);
  return inRequestScope(request, () => route(request));
}

async function heldAtLeast(bytes: number): Promise<void> {
  for (let i = 0; i < 200 && budget.heldBytes < bytes; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(budget.heldBytes).toBeGreaterThanOrEqual(bytes);
}

const messageFields = () => field("destinataire", world.bernard) + field("texte", "Le compte rendu, ci-joint.");
const wholeBody = (fields: string, megabytes: number) => encode(fields + fileHead + " ".repeat(megabytes * MB) + tail);

describe("upload bodies held at once", () => {
  it.each([
    ["a message's file", "/api/messages", ROUTES.send as (request: Request) => Promise<Response>, (answer: Response) => noticeOf(answer) === "occupe"],
    ["a document", "/api/documents", upload, (answer: Response) => (answer.headers.get("location") ?? "").includes("erreur=busy")],
  ])("past the budget, %s is refused as it arrives, and goes through once the others are done", async (_what, path, route, busy) => {
    const cookie = world.sessions.camille.cookie;
    const fields = path === "/api/messages" ? messageFields() : field("titre", "Scanner") + field("type", "imaging") + field("date", "2026-11-02");
    const slow = slowBody(fields, 2.5);
    const first = call(path, route, slow.stream, cookie);
    await heldAtLeast(2.5 * MB);

    const refused = await call(path, route, wholeBody(fields, 2), cookie);
    expect(busy(refused)).toBe(true);
    // What was typed comes back (from the body's first bytes), as it does for a file too large: a
    // message's text, a document's title, kind and date (they were lost).
    const typedCookie = path === "/api/messages" ? "espace-sante.message-saisie=" : "espace-sante.ajout-saisie=";
    expect(refused.headers.getSetCookie().some((cookie) => cookie.startsWith(typedCookie))).toBe(true);

    slow.finish();
    await first;
    expect(budget.heldBytes).toBe(0);
    // The budget free again, the same body is read (and refused for what it is, not for the budget).
    expect(busy(await call(path, route, wholeBody(fields, 2), cookie))).toBe(false);
    expect(budget.heldBytes).toBe(0);
  });

});
