import { t } from "@/lib/i18n/messages";
import { env } from "@/server/env";
import { uploadDocumentWithOutcome } from "@/server/documents/upload-document";
import { UploadRefused, type UploadRefusal } from "@/server/documents/upload-policy";
import { isUuid } from "@/server/fhir/repository";
import { answerReadLimit } from "@/server/http/read-limited-response";
import { formOfBody } from "@/server/http/read-capped-body";
import { receiveUpload, type UnreadRefusal } from "@/server/http/receive-upload";
import { seeOther } from "@/server/http/see-other";
import { spacePostScope } from "@/server/http/space-post-scope";
import { clearTypedHeader, keepTypedHeader, typedFromForm } from "@/server/http/typed-form-cookie";
import { uploadTypedForm } from "@/server/documents/upload-typed";
import { spaceOf } from "@/server/access/actor";
import { uploadErrorFieldFor } from "@/components/documents/upload-texts";

/**
 * POST multipart (fichier, titre, type, date[, patient]): adds a document to the record of the
 * actor's space, or, for a professional, of the patient named. The upload form posts here with
 * or without JavaScript: a browser's plain form gets a 303 to the new document (or back to the
 * form with the refusal), the form's script (Accept: application/json) gets JSON. The body reaches
 * this route as a stream (src/proxy.ts leaves this path out of its matcher, because Next's proxy
 * would buffer and silently cut it at 10 MB) and is counted as it arrives (receive-upload.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const scope = await spacePostScope(request);
  if (scope instanceof Response) return scope;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const isPro = scope.actor.kind === "practitioner";

  const production = env().APP_ENV === "production";
  // The record a form was typed for: what comes back of it (upload-typed.ts) fills no other record's form.
  const recordOf = (patientId: string | undefined) => (isPro ? (patientId ?? "") : (spaceOf(scope.actor) ?? ""));
  // The patient a professional's form names (a hidden field, first in the form): only where to go
  // back to and whose form the typed fields fill; the page decides what he may see, the upload what he may add.
  const patientOf = (form: FormData | undefined) => {
    const raw = form?.get("patient");
    return isPro && typeof raw === "string" && isUuid(raw) ? raw : undefined;
  };
  const answerFor =
    (patientId: string | undefined, form?: FormData) =>
    (refusal: UploadRefusal, status: number): Response => {
      const formPath: `/${string}` = isPro ? (patientId ? `/pro/patients/${patientId}/ajouter` : "/pro") : "/espace/documents/ajouter";
      const headers = { "Cache-Control": "no-store", ...(refusal === "busy" ? { "Retry-After": "60" } : {}) };
      // `field`: the field the refusal is about, which the form's script marks as the page does without scripts.
      if (wantsJson) {
        const field = uploadErrorFieldFor(refusal);
        return Response.json({ error: t(`upload.errors.${refusal}`), ...(field ? { field } : {}) }, { status, headers });
      }
      const back = seeOther(`${formPath}?erreur=${refusal}`);
      // A plain form comes back with its title, kind and date, never in the address (upload-typed.ts).
      if (form && (patientId || !isPro)) {
        const typedForm = uploadTypedForm(isPro ? patientId : undefined);
        back.headers.append("Set-Cookie", keepTypedHeader(typedForm, production, typedFromForm(typedForm, form), scope.session.sessionId, recordOf(patientId)));
      }
      return back;
    };
  // A body refused unread (a file too large, the server busy) comes back to its form with the
  // title, kind and date sent before the file (receive-upload.ts): without scripts, nothing
  // checked the size first, and all of it was to type again (for a professional, from /pro).
  const refusedUnread = (reason: UnreadRefusal, fields: FormData | undefined): Response => {
    const answer = answerFor(patientOf(fields), fields);
    if (reason === "busy") return answer("busy", 503);
    return reason === "too-large" ? answer("too-large", 413) : answer("invalid", 400);
  };
  return receiveUpload(request, refusedUnread, async (bytes) => {
    const form = await formOfBody(bytes, request.headers.get("content-type"));
    const patientId = patientOf(form);
    if (!form) return answerFor(patientId)("invalid", 400);
    const answer = answerFor(patientId, form);
    const file = form.get("fichier");
    if (!(file instanceof File)) return answer("empty", 400);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    try {
      const { document, textUnread } = await uploadDocumentWithOutcome(scope.repo, {
        patientId,
        title: text("titre"),
        kind: text("type"),
        date: text("date"),
        fileName: file.name,
        bytes: Buffer.from(await file.arrayBuffer()),
      });
      // Added either way; when its text could not be read for search, the page says so.
      const notice = textUnread ? "ajoute-sans-texte" : "ajoute";
      const location: `/${string}` = isPro
        ? `/pro/patients/${patientId}/documents/${document.id}?message=${notice}`
        : `/espace/documents/${document.id}?message=${notice}`;
      if (wantsJson) return Response.json({ location }, { status: 201, headers: { "Cache-Control": "no-store" } });
      const added = seeOther(location);
      added.headers.append("Set-Cookie", clearTypedHeader(uploadTypedForm(isPro ? patientId : undefined), production));
      return added;
    } catch (error) {
      if (error instanceof UploadRefused) return answer(error.refusal, error.status);
      // The upload counts the record's documents first (a read): past the account's limit, wait.
      const limited = answerReadLimit(error);
      if (limited) return limited;
      throw error;
    }
  });
}
