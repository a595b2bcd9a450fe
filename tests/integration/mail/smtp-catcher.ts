import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = { messageId: string; to: string[]; subject: string; text: string; raw: string; headers: Map<string, unknown> };

/**
 * A real SMTP server in the test process (the `smtp-server` package): it speaks the protocol the
 * mailer speaks to Mailpit or a provider, parses what arrives, and keeps it for the test to read.
 * `refuse` makes it answer the next DATA commands with an SMTP error (421 temporary, 550 permanent).
 */
export async function startSmtpCatcher() {
  const mails: CaughtMail[] = [];
  let refusals: { code: number; count: number } | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("error", () => undefined); // a client killed mid-message: its mail never arrives, as on a real server
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusals && refusals.count > 0) {
          refusals.count--;
          const error = new Error(refusals.code >= 500 ? "Boîte inconnue" : "Réessayez plus tard") as Error & { responseCode: number };
          error.responseCode = refusals.code;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (parsed) => {
            mails.push({
              messageId: parsed.messageId ?? "",
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              raw,
              headers: parsed.headers,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A worker killed with SIGKILL (the crash test) resets its connection: a real server logs
  // ECONNRESET and goes on; unhandled here, it would be an uncaught exception of the test run.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse(code: number, count: number) {
      refusals = { code, count };
    },
    async waitFor(count: number, timeoutMs = 20_000) {
      const start = Date.now();
      while (mails.length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`attendu ${count} e-mails, reçu ${mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
