import "@/server/server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { extractPdfText } from "./extract-pdf-text";
import { inspectPdf } from "./inspect-pdf";
import {
  ACCEPTED_TYPES,
  isAcceptedType,
  MAX_IMAGE_PIXELS,
  MAX_UPLOAD_BYTES,
  UploadRefused,
  type AcceptedType,
} from "./upload-policy";

/**
 * What the server accepts of an uploaded file. The type is read from the bytes (never from the
 * name or the browser's word); PDFs are screened for scripts; images are decoded within a pixel
 * budget and re-encoded, which drops their metadata (location, camera) and anything hidden
 * after the image data.
 */
export type AcceptedFile = {
  bytes: Buffer;
  contentType: AcceptedType;
  extension: string;
  /** Text of a PDF, for search. */
  indexText?: string;
  /** A PDF whose text could not be read in time (or at all): it is found by its title only. */
  textUnread?: boolean;
};

export async function inspectUpload(input: Buffer): Promise<AcceptedFile> {
  if (input.length === 0) throw new UploadRefused("empty");
  if (input.length > MAX_UPLOAD_BYTES) throw new UploadRefused("too-large");
  const sniffed = await fileTypeFromBuffer(input);
  if (!sniffed || !isAcceptedType(sniffed.mime)) throw new UploadRefused("type");
  const contentType = sniffed.mime;
  const extension = ACCEPTED_TYPES[contentType];
  if (contentType === "application/pdf") {
    await inspectPdf(input);
    const text = await extractPdfText(input);
    return text.read ? { bytes: input, contentType, extension, indexText: text.text } : { bytes: input, contentType, extension, textUnread: true };
  }
  return { bytes: await reencodeImage(input, contentType), contentType, extension };
}

async function reencodeImage(input: Buffer, contentType: "image/jpeg" | "image/png"): Promise<Buffer> {
  const format = contentType === "image/png" ? "png" : "jpeg";
  let width: number | undefined;
  let height: number | undefined;
  try {
    const metadata = await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
    if (metadata.format !== format) throw new UploadRefused("type");
    width = metadata.width;
    height = metadata.height;
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    throw new UploadRefused(isPixelLimit(error) ? "image-too-large" : "image-unreadable");
  }
  // The header's size is checked before any decoding: a bomb is refused without inflating it.
  if (!width || !height) throw new UploadRefused("image-unreadable");
  if (width * height > MAX_IMAGE_PIXELS) throw new UploadRefused("image-too-large");
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped (sharp keeps none by default).
    const pipeline = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error", sequentialRead: true }).rotate();
    return format === "png"
      ? await pipeline.png({ compressionLevel: 9 }).toBuffer()
      : await pipeline.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
  } catch (error) {
    throw new UploadRefused(isPixelLimit(error) ? "image-too-large" : "image-unreadable");
  }
}

function isPixelLimit(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}
