import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/documents/route";
import { createSession } from "@/server/db/session-store";
import { MAX_UPLOAD_BYTES } from "@/server/documents/upload-policy";
import { useTestDatabase } from "../../setup/test-database";
import { whileTurnsTaken } from "../limits/taken-turns";
import { appUrl, sessionCookie, warmUpValidator } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { pdfOfSize } from "./hostile-files";
import { buildWorld, type World } from "./world";

const db = useTestDatabase();

/**
 * The upload route counts the body as it arrives (SECURITY-CASES 34): a client that sends no
 * Content-Length (chunked) or one that lies gets a 413 once the count passes the limit, the
 * rest of the stream is not read, and nothing is stored. The route is called with a real
 * streaming Request, as Next hands it over once the proxy no longer buffers this path.
 */
let world: World;
let cookie = "";

beforeAll(async () => {
  warmUpValidator();
  world = await buildWorld();
  const sessionId = await createSession({ accountId: world.actors.camille.accountId, securityStamp: 0, activeSpace: null, userAgent: "vitest", now: new Date() });
  cookie = await sessionCookie(sessionId);
}, 120_000);

const BOUNDARY = "----espace-sante-test";

function multipartHead(fileName = "scan.pdf"): Uint8Array {
  const fields = [
    ["titre", "Envoi en flux"],
    ["type", "personal"],
    ["date", "2024-06-01"],
  ]
    .map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("");
  return new TextEncoder().encode(
    `${fields}--${BOUNDARY}\r\nContent-Disposition: form-data; name="fichier"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
}
const multipartTail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);

/**
 * A body that streams `chunks` of 1 MB of a PDF's bytes, and counts how many the server pulled;
 * past `heldAfter` of them it sends nothing more until `release` is called (a client still sending).
 */
function streamingBody(totalMegabytes: number, heldAfter = Infinity) {
  const state = { pulled: 0 };
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const megabyte = new Uint8Array(1024 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(multipartHead());
      controller.enqueue(new TextEncoder().encode("%PDF-1.7\n"));
    },
    async pull(controller) {
      if (state.pulled >= heldAfter) await released;
      if (state.pulled >= totalMegabytes) {
        controller.enqueue(multipartTail);
        controller.close();
        return;
      }
      state.pulled += 1;
      controller.enqueue(megabyte);
    },
  });
  return { stream, state, release };
}

async function post(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${appUrl()}/api/documents`, {
    method: "POST",
    headers: { origin: appUrl(), cookie, accept: "application/json", "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return inRequestScope(request, () => POST(request));
}

/** Camille's stored files: on the server, other files of the run store theirs in the same database. */
async function storedFiles(): Promise<number> {
  const rows = await db().sql.query<{ n: number | string }>("SELECT count(*) AS n FROM binary_content WHERE patient_id = $1", [world.ids.camille]);
  return Number(rows[0]?.n ?? 0);
}

describe("the upload route's body limit", () => {
  it("cuts a chunked body with no Content-Length once it passes the limit: 413, a French message, nothing stored", async () => {
    const before = await storedFiles();
    const { stream, state } = streamingBody(200);
    const response = await post(stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Le fichier dépasse 20 Mo : rien n'a été ajouté. Choisissez un PDF, une image JPEG ou PNG de 20 Mo au plus ; le titre, le type et la date sont gardés.", field: "file" });
    // The server stopped pulling soon after the limit: a 200 MB body was never read whole.
    expect(state.pulled).toBeLessThan(MAX_UPLOAD_BYTES / (1024 * 1024) + 4);
    expect(await storedFiles()).toBe(before);
  });

  it("does not trust a Content-Length that understates the body", async () => {
    const before = await storedFiles();
    const { stream, state } = streamingBody(60);
    const response = await post(stream, { "content-length": "1000" });
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThan(MAX_UPLOAD_BYTES / (1024 * 1024) + 4);
    expect(await storedFiles()).toBe(before);
  });

  it("refuses at once a declared Content-Length over the limit, and a plain form post goes back to the form", async () => {
    const before = await storedFiles();
    // The client sends its first megabyte, then waits: the answer must not wait for the rest.
    const { stream, state, release } = streamingBody(30, 1);
    const request = new Request(`${appUrl()}/api/documents`, {
      method: "POST",
      headers: { origin: appUrl(), cookie, "content-type": `multipart/form-data; boundary=${BOUNDARY}`, "content-length": String(30 * 1024 * 1024) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await inRequestScope(request, () => POST(request));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/espace/documents/ajouter?erreur=too-large");
    expect(state.pulled).toBeLessThanOrEqual(1);
    // Its title, kind and date, sent before the file, come back to the form (upload-typed-unread.test.ts).
    expect(response.headers.getSetCookie().some((header) => header.startsWith("espace-sante.ajout-saisie="))).toBe(true);
    // The rest is read and dropped as it comes (a browser still sending must get to read the answer).
    release();
    expect(await storedFiles()).toBe(before);
  });

  it("accepts a streamed body of 20 MB of file, the stated limit", async () => {
    const pdf = await pdfOfSize(MAX_UPLOAD_BYTES);
    const parts = [multipartHead(), pdf, multipartTail];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts.shift();
        if (next) controller.enqueue(new Uint8Array(next));
        else controller.close();
      },
    });
    const response = await post(stream);
    expect(response.status).toBe(201);
    const { location } = (await response.json()) as { location: string };
    expect(location).toMatch(/^\/espace\/documents\/[0-9a-f-]{36}\?message=ajoute$/);
  }, 180_000);
});

/**
 * Uploads worked on at once are bounded per process (src/server/http/upload-turns.ts): with the
 * only turn taken, a file over 1 MB waits, then is told to try again, and nothing is stored; a
 * small file passes meanwhile; once the turn is free the same file is stored.
 */
describe("the upload route's turns", () => {
  it("answers 503 with a French message and Retry-After when no turn comes in time, stores nothing, and stores the file once a turn is free", async () => {
    await whileTurnsTaken(300, async (turns, free) => {
      const pdf = await pdfOfSize(2 * 1024 * 1024);
      const body = () => new Blob([new Uint8Array(multipartHead("grand.pdf")), new Uint8Array(pdf), new Uint8Array(multipartTail)]);
      const before = await storedFiles();
      const busy = await post(body());
      expect(busy.status).toBe(503);
      expect(busy.headers.get("retry-after")).toBe("60");
      expect(await busy.json()).toEqual({ error: "Trop d'envois sont en cours en ce moment. Rien n'a été ajouté : réessayez dans une minute." });
      expect(await storedFiles()).toBe(before);

      // A small file (under 1 MB) does not wait for a turn.
      const small = await post(new Blob([new Uint8Array(multipartHead("petit.pdf")), new Uint8Array(await pdfOfSize(200 * 1024)), new Uint8Array(multipartTail)]));
      expect(small.status).toBe(201);

      await free();
      const stored = await post(body());
      expect(stored.status).toBe(201);
      // The small file and this one: so the counts above would have seen a file stored.
      expect(await storedFiles()).toBe(before + 2);
      expect(turns.counts).toEqual({ running: 0, waiting: 0 });
    });
  }, 120_000);
});
