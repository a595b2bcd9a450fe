/**
 * The limits of an upload, in one place so the form, the route and the tests agree.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A record holds at most this many documents (a quota against filling the store). */
export const MAX_DOCUMENTS_PER_PATIENT = 2_000;

/** Decoded images above this many pixels are refused (decompression bombs); 60 MP covers phone photos. */
export const MAX_IMAGE_PIXELS = 60_000_000;

/** Text extraction for search: bounded in pages, characters and time, so a crafted PDF cannot stall an upload. */
export const MAX_INDEXED_PAGES = 100;
export const MAX_INDEXED_CHARS = 200_000;
export const TEXT_EXTRACTION_TIMEOUT_MS = 5_000;

export const ACCEPTED_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
} as const;

export type AcceptedType = keyof typeof ACCEPTED_TYPES;

export function isAcceptedType(value: string): value is AcceptedType {
  return Object.prototype.hasOwnProperty.call(ACCEPTED_TYPES, value);
}

/** Why a file was refused; each has its French message (upload.errors.*). */
export type UploadRefusal =
  | "empty"
  | "too-large"
  | "type"
  | "pdf-script"
  | "pdf-unreadable"
  | "image-too-large"
  | "image-unreadable"
  | "quota"
  | "invalid"
  | "future-date"
  | "title-too-long"
  | "not-allowed"
  | "busy";

export class UploadRefused extends Error {
  constructor(readonly refusal: UploadRefusal) {
    super(`upload refused: ${refusal}`);
  }

  /** The HTTP status the upload route answers with. */
  get status(): number {
    switch (this.refusal) {
      case "too-large":
      case "image-too-large":
        return 413;
      case "quota":
        return 409;
      case "not-allowed":
        return 404;
      case "invalid":
        return 400;
      default:
        return 422;
    }
  }
}
