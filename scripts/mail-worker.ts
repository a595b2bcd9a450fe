/**
 * `npm run mail:worker`: sends the outbox's e-mails, for deployments that keep it apart from the
 * portal (MAIL_WORKER=off on the portal's processes). Several may run against one PostgreSQL
 * server: each claims its own rows (FOR UPDATE SKIP LOCKED). With PGlite, only while the portal
 * is stopped (one process per data folder): the portal sends its e-mails itself.
 * SIGINT/SIGTERM finish the e-mails in flight, then exit.
 */
import { closeDatabase, currentTarget, database, describeTarget } from "@/server/db/client";
import { startMailWorker } from "@/server/db/mail-worker-runner";

async function main() {
  const { worker, transport } = await startMailWorker({ log: (line) => console.error(line) });
  console.log(`Envoi des e-mails depuis ${describeTarget(currentTarget())} vers ${transport.where}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void worker.stop().then(async () => {
        transport.close();
        await closeDatabase(await database());
        process.exit(0);
      });
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
