import "@/server/server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import nodemailer from "nodemailer";

/** One outbox row as the mailer sends it. */
export type MailMessage = { id: string; to: string; subject: string; text: string; html?: string | null };

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
  /** Where e-mails go, in the words the logs print. */
  readonly where: string;
}

/**
 * The Message-ID is the outbox row's: a message sent again after a crash (the one case where
 * that can happen, see outbox-worker.ts) carries the same id, which mail clients and the test
 * server recognise as the same message.
 */
export function messageId(id: string): string {
  return `<${id}@espace-sante.outbox>`;
}

function composed(from: string, m: MailMessage) {
  // nodemailer encodes header values (RFC 2047) and refuses none of ours: enqueue-email.ts has
  // already refused line breaks in the recipient and the subject.
  return { from, to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}), messageId: messageId(m.id), disableUrlAccess: true, disableFileAccess: true };
}

/**
 * The pool's connections, opened with Nagle's algorithm off. nodemailer 7 leaves it on, and
 * writes the end of a message ("\r\n.\r\n") as a small write of its own after the body: the
 * kernel then holds it until the server acknowledges the body, which a server delays by up to
 * 40 ms (delayed ACK). That wait, not the server, was most of each send: 50 ms per e-mail against
 * a sink on the same machine, 6 ms without it (issue 15's bench; nodemailer 8+ does the same).
 * TLS (smtps, STARTTLS) is then set up by nodemailer on this socket as on its own.
 */
function noDelaySocket(host: string, port: number, timeoutMs: number) {
  return (_options: unknown, callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void) => {
    const socket = net.connect({ host: host.replace(/^\[(.*)\]$/, "$1"), port, noDelay: true });
    const fail = (error: Error) => {
      socket.destroy();
      callback(error);
    };
    socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })));
    socket.once("error", fail);
    socket.once("connect", () => {
      socket.setTimeout(0); // from here on nodemailer's own timeouts apply
      socket.removeListener("error", fail);
      callback(null, { connection: socket });
    });
  };
}

/** SMTP through nodemailer, with a small pool of connections reused between e-mails. */
export function smtpTransport(url: string, from: string, maxConnections = 4): MailTransport {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === "smtps:" ? 465 : 587));
  const transporter = nodemailer.createTransport({
    host: u.hostname,
    port,
    getSocket: noDelaySocket(u.hostname, port, 10_000),
    secure: u.protocol === "smtps:",
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    pool: true,
    maxConnections,
    // nodemailer's defaults wait up to ten minutes on a silent server; the worker's claim on a
    // row lasts two (MAIL_LEASE_SECONDS), so a send must give up well before another worker may take the row.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    where: `SMTP ${u.hostname}:${u.port || "(défaut)"}`,
    async send(m) {
      await transporter.sendMail(composed(from, m));
    },
    close: () => transporter.close(),
  };
}

/**
 * Without SMTP_URL: each e-mail becomes `<dir>/<outbox id>.eml`, a complete message any mail
 * client opens. Written to a temporary name then renamed, so a file is whole or absent, and the
 * same row written twice leaves one file.
 */
export function emlTransport(dir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    where: `fichiers .eml dans ${dir}`,
    async send(m) {
      const info = await transporter.sendMail(composed(from, m));
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${m.id}.eml`);
      const partial = `${file}.${process.pid}.part`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, file);
    },
    close: () => transporter.close(),
  };
}
