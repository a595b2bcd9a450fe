import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { Repository } from "../fhir/repository";
import { MAX_COUNT } from "../fhir/search-request";
import { DocumentFileNames } from "./document-file-names";
import { recordBundle } from "./record-bundle";

/**
 * The copy of a record as a ZIP, made while it is sent: LISEZMOI.txt, dossier.json (a page of
 * resources at a time, record-bundle.ts), then each document's file under `documents/`, read one
 * at a time through the repository (documentFilesForCopy) only when the previous one has been
 * taken by the reader. So the server holds one page of resources or one file (20 MB at most) of a
 * copy, however large the record, and a person who closes the page stops the reads.
 *
 * The files are stored as they are (PDF, JPEG and PNG are compressed already: deflating them
 * again costs the server's CPU for nothing); the texts are deflated. Every read writes its audit
 * row before what it read is given to the archive (the repository awaits it).
 */
export function recordCopyStream(repo: Repository, patient: Patient, readme: string): ReadableStream<Uint8Array> {
  const chunks = zipChunks(repo, patient, readme);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          // Halfway through, the status is sent: the only way left to say it failed is to cut the
          // answer, which the browser reports as a failed download (never as a complete, short copy).
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

async function* zipChunks(repo: Repository, patient: Patient, readme: string): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  // What the archive wrote since the last step, handed on before the next read.
  function* taken(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift()!;
  }

  const text = new ZipDeflate("LISEZMOI.txt", { level: 6 });
  zip.add(text);
  text.push(strToU8(readme), true);
  yield* taken();

  const documentIds: string[] = [];
  const bundle = new ZipDeflate("dossier.json", { level: 6 });
  zip.add(bundle);
  for await (const part of recordBundle(repo, patient, documentIds)) {
    bundle.push(strToU8(part));
    yield* taken();
  }
  bundle.push(new Uint8Array(0), true);
  yield* taken();

  const names = new DocumentFileNames();
  for (let start = 0; start < documentIds.length; start += MAX_COUNT) {
    for await (const { document, file } of repo.documentFilesForCopy(documentIds.slice(start, start + MAX_COUNT))) {
      const entry = new ZipPassThrough(names.nameOf(document, file.contentType));
      zip.add(entry);
      entry.push(file.bytes, true);
      yield* taken();
    }
  }
  zip.end();
  yield* taken();
}
