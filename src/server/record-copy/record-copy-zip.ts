import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { Repository } from "../fhir/repository";
import { MAX_COUNT } from "../fhir/search-request";
import { t } from "@/lib/i18n/messages";
import { DOCUMENTS_FOLDER, DocumentFileNames } from "./document-file-names";
import { recordBundle } from "./record-bundle";

/**
 * fflate writes no ZIP64 records, so an archive's offsets and sizes are 32-bit: past 4 GiB it
 * would be corrupt. A record of 5,000 documents of 20 MB could pass it (most are far smaller):
 * the files that would go beyond are left out, and named in a last text file, so the person
 * gets a whole archive and knows what to download from the documents' pages. The margin holds
 * the central directory (5,000 entries of a few hundred bytes) and that last file.
 */
export const ZIP_BYTES_LIMIT = 2 ** 32 - 1 - 32 * 1024 * 1024;

/** The last file of a copy that had to leave files out. */
export const LEFT_OUT_NAME = "DOCUMENTS-NON-INCLUS.txt";

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
export function recordCopyStream(repo: Repository, patient: Patient, readme: string, { byteLimit = ZIP_BYTES_LIMIT } = {}): ReadableStream<Uint8Array> {
  const chunks = zipChunks(repo, patient, readme, byteLimit);
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

async function* zipChunks(repo: Repository, patient: Patient, readme: string, byteLimit: number): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      written += chunk.length;
      ready.push(chunk);
    }
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
  const leftOut: string[] = [];
  for (let start = 0; start < documentIds.length; start += MAX_COUNT) {
    for await (const { document, file } of repo.documentFilesForCopy(documentIds.slice(start, start + MAX_COUNT))) {
      const name = names.nameOf(document, file.contentType);
      // The local header and the data descriptor: a name's bytes and under a hundred more.
      if (written + file.bytes.length + Buffer.byteLength(name) + 128 > byteLimit) {
        leftOut.push(name.slice(DOCUMENTS_FOLDER.length));
        continue;
      }
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(file.bytes, true);
      yield* taken();
    }
  }
  if (leftOut.length > 0) {
    const list = new ZipDeflate(LEFT_OUT_NAME, { level: 6 });
    zip.add(list);
    list.push(strToU8([t("recordCopy.leftOut"), "", ...leftOut, ""].join("\r\n")), true);
    yield* taken();
  }
  zip.end();
  yield* taken();
}
