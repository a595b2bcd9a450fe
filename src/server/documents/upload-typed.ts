import "@/server/server-only";
import type { IncomingMessage } from "node:http";
import { env } from "../env";
import { typedOfRequest, type Typed, type TypedForm } from "../http/typed-form-cookie";

/**
 * An upload refused after its body was read (a file of the wrong type, a PDF with scripts, a
 * record full...) comes back with the title, kind and date typed (typed-form-cookie.ts), bound to
 * the record it was for. The file cannot come back: no page may set a file input's value, and
 * keeping the bytes for a form would store what was refused; the page asks for it again. A body
 * refused before it is read (past the cap, or the server busy) gives back the fields sent before
 * its file, from its first bytes (receive-upload.ts): the form puts the file last for that.
 */
export type UploadTyped = Typed<"titre" | "type" | "date">;

/** The form's page: the space's own, or a professional's for the patient `patientId`. */
export function uploadTypedForm(patientId: string | undefined): TypedForm<"titre" | "type" | "date"> {
  return {
    name: "upload",
    cookie: "espace-sante.ajout-saisie",
    path: patientId ? `/pro/patients/${encodeURIComponent(patientId)}/ajouter` : "/espace/documents/ajouter",
    fields: { titre: 200, type: 40, date: 10 },
  };
}

/** What the refused form for `record` held, from the page request's cookie (the page shows it only with a refusal). */
export function uploadTypedOfPage(sessionId: string, req: IncomingMessage, record: string, proPatientId?: string): UploadTyped | undefined {
  return typedOfRequest(uploadTypedForm(proPatientId), env().APP_ENV === "production", req.headers.cookie, sessionId, record);
}
