import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "@/server/mail/enqueue-email";
import { startOutboxWorker } from "@/server/mail/outbox-worker";
import { emlTransport } from "@/server/mail/transport";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase({ fresh: true });
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("without SMTP_URL", () => {
  it("writes each e-mail as one .eml file a mail client reads, once even if sent again", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "outbox-"));
    dirs.push(dir);
    const transport = emlTransport(dir, "Espace santé <ne-pas-repondre@espace-sante.example>");
    const to = `eml-${randomUUID()}@example.org`;
    await enqueueEmail(db().sql, { to, subject: "Vous avez une nouvelle notification dans votre espace santé", text: "Bonjour,\nà bientôt", kind: "test" });
    const worker = startOutboxWorker(db().sql, transport, { idleMs: 20 });
    const start = Date.now();
    while ((await readdir(dir)).filter((f) => f.endsWith(".eml")).length === 0 && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    const files = (await readdir(dir)).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(await readFile(path.join(dir, files[0]!)));
    expect(parsed.subject).toBe("Vous avez une nouvelle notification dans votre espace santé");
    expect(parsed.text).toContain("à bientôt");

    // A second send of the same row (a crash before it was marked) replaces the file.
    const [row] = await db().sql.query<{ id: string }>("SELECT id FROM email_outbox WHERE recipient = $1", [to]);
    await transport.send({ id: row!.id, to, subject: "x", text: "y" });
    expect((await readdir(dir)).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
  });
});
