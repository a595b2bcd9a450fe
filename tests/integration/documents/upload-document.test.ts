import type { DocumentReference } from "@medplum/fhirtypes";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { listDocuments } from "@/server/documents/list-documents";
import { uploadDocument, type UploadInput } from "@/server/documents/upload-document";
import { MAX_UPLOAD_BYTES, UploadRefused, type UploadRefusal } from "@/server/documents/upload-policy";
import { useTestDatabase } from "../../setup/test-database";
import {
  aPng,
  htmlPretendingToBePdf,
  jpegWithGps,
  pdfHtmlPolyglot,
  pdfOfSize,
  pdfWithEscapedJavaScript,
  pdfWithJavaScript,
  pngBomb,
  svgImage,
} from "./hostile-files";
import { aPdf, buildWorld, type World } from "./world";

const db = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

const input = (bytes: Buffer, extra: Partial<UploadInput> = {}): UploadInput => ({
  title: "Mon document",
  kind: "personal",
  date: "2024-06-01",
  fileName: "scan.pdf",
  bytes,
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<UploadRefusal | "accepted"> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof UploadRefused) return error.refusal;
    throw error;
  }
}

/** Camille's stored files: other test files upload into the same database at the same time. */
async function binaryCount(): Promise<number> {
  const rows = await db().sql.query<{ n: number | string }>("SELECT count(*) AS n FROM binary_content WHERE patient_id = $1::uuid", [world.ids.camille]);
  return Number(rows[0]?.n ?? 0);
}

describe("uploading a document", () => {
  it("stores a PDF for the patient, authored by them, with its text searchable", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const pdf = await aPdf(["Ordonnance de kinésithérapie", "Rééducation du genou droit"]);
    const document = await uploadDocument(repo, input(pdf, { title: "Kiné genou", kind: "prescription" }));
    expect(document.author).toEqual([{ reference: `Patient/${world.ids.camille}` }]);
    expect(document.subject).toEqual({ reference: `Patient/${world.ids.camille}` });
    expect(document.content?.[0]?.attachment).toMatchObject({ contentType: "application/pdf", size: pdf.length, title: "Kiné genou.pdf" });
    const found = await listDocuments(repo, world.ids.camille, parseDocumentFilters({ q: "rééducation" }).filters);
    expect(found.items.map((d) => d.id)).toEqual([document.id]);
    const { file } = await repo.readDocumentFile(document.id!);
    expect(file.bytes.equals(pdf)).toBe(true);
  });

  it("accepts a file of exactly 20 MB and refuses one byte more (SECURITY-CASES 34)", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const exact = await pdfOfSize(MAX_UPLOAD_BYTES);
    expect(exact.length).toBe(MAX_UPLOAD_BYTES);
    expect(await refusal(uploadDocument(repo, input(exact)))).toBe("accepted");
    const before = await binaryCount();
    const over = Buffer.concat([exact.subarray(0, exact.length - 6), Buffer.from(" %%EOF\n")]);
    expect(over.length).toBe(MAX_UPLOAD_BYTES + 1);
    expect(await refusal(uploadDocument(repo, input(over)))).toBe("too-large");
    expect(await binaryCount()).toBe(before);
    // 40 MB through PDF parsing, text extraction and encryption: minutes on a loaded 2-core CI machine.
  }, 180_000);

  it.each([
    ["an HTML page named .pdf", () => htmlPretendingToBePdf, "type"],
    ["an SVG image with scripts", () => svgImage, "type"],
    ["a PDF/HTML polyglot", pdfHtmlPolyglot, "type"],
    ["a PDF with an OpenAction JavaScript", () => pdfWithJavaScript(), "pdf-script"],
    ["a PDF with JavaScript inside object streams", () => pdfWithJavaScript({ objectStreams: true }), "pdf-script"],
    ["a PDF spelling /JavaScript as /J#61vaScript", pdfWithEscapedJavaScript, "pdf-script"],
    ["a decompression-bomb PNG", () => pngBomb(), "image-too-large"],
    ["an empty file", () => Buffer.alloc(0), "empty"],
  ])("refuses %s and stores nothing (SECURITY-CASES 30, 34)", async (_label, build, expected) => {
    const repo = await world.repoFor(world.actors.camille);
    const before = await binaryCount();
    const started = Date.now();
    expect(await refusal(uploadDocument(repo, input(await build())))).toBe(expected);
    // Refused before any decoding: a bomb that were decoded would take far longer than this
    // (a loose bound, not a speed target; speed lives in npm run bench).
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await binaryCount()).toBe(before);
  });

  it("strips an image's metadata (GPS position, camera) by re-encoding it", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const document = await uploadDocument(repo, input(photo, { fileName: "IMG_0042.JPG", title: "" }));
    expect(document.description).toBe("IMG_0042");
    expect(document.content?.[0]?.attachment?.contentType).toBe("image/jpeg");
    const { file } = await repo.readDocumentFile(document.id!);
    const stored = await sharp(file.bytes).metadata();
    expect(stored.format).toBe("jpeg");
    expect(stored.exif).toBeUndefined();
    expect(file.bytes.toString("latin1")).not.toContain("Spy 3000");
    const png = await uploadDocument(repo, input(await aPng(), { kind: "imaging" }));
    expect(png.content?.[0]?.attachment?.contentType).toBe("image/png");
  });

  it("takes the type from the bytes, never from the name", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const document = await uploadDocument(repo, input(await aPng(), { fileName: "rapport.pdf", title: "Photo" }));
    expect(document.content?.[0]?.attachment).toMatchObject({ contentType: "image/png", title: "Photo.png" });
  });

  it("keeps a hostile title as text and builds a safe file name from it (SECURITY-CASES 29, 33)", async () => {
    const repo = await world.repoFor(world.actors.camille);
    const title = '<img src=x onerror=alert(1)>"\r\n../../../etc/passwd\u202E';
    const document = await uploadDocument(repo, input(await aPdf(["x"]), { title }));
    expect(document.description).toBe('<img src=x onerror=alert(1)>" ../../../etc/passwd');
    expect(document.content?.[0]?.attachment?.title).toBe("img src=x onerror=alert(1) etc passwd.pdf");
  });

  it("refuses bad metadata and writes into nobody else's record", async () => {
    const repo = await world.repoFor(world.actors.camille);
    expect(await refusal(uploadDocument(repo, input(await aPdf(["x"]), { kind: "virus" })))).toBe("invalid");
    expect(await refusal(uploadDocument(repo, input(await aPdf(["x"]), { date: "2024-13-45" })))).toBe("invalid");
    // A patient naming another record still writes into their own (the space decides).
    const own = await uploadDocument(repo, input(await aPdf(["x"]), { patientId: world.ids.jean }));
    expect(own.subject?.reference).toBe(`Patient/${world.ids.camille}`);
  });

  it("lets an authorised professional add a document, as its author, and nobody else", async () => {
    const bernard = await world.repoFor(world.actors.bernard);
    const document: DocumentReference = await uploadDocument(bernard, input(await aPdf(["Compte rendu"]), { patientId: world.ids.jean, kind: "consultation" }));
    expect(document.author).toEqual([{ reference: `Practitioner/${world.ids.bernard}` }]);
    expect(document.custodian?.reference).toBe(`Organization/${world.ids.org}`);
    // Refused in the document's transaction: the bytes staged before it are gone too.
    const before = await binaryCount();
    for (const actor of [world.actors.petit, world.actors.moreau]) {
      const repo = await world.repoFor(actor);
      expect(await refusal(uploadDocument(repo, input(await aPdf(["x"]), { patientId: world.ids.camille })))).toBe("not-allowed");
    }
    expect(await binaryCount()).toBe(before);
    // A caregiver with documents:read only cannot add to Jean's record.
    const caregiver = await world.repoFor(world.actors.camilleForJean);
    expect(await refusal(uploadDocument(caregiver, input(await aPdf(["x"]))))).toBe("not-allowed");
  });
});
