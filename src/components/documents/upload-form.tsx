import { InlineScript } from "@/components/inline-script";
import { installUploadForm } from "./upload-behaviour";
import type { UploadErrorField } from "./upload-texts";

/**
 * The upload form. Without JavaScript it is a plain multipart POST to the upload route, which
 * answers with a redirect. With JavaScript the same request goes through XMLHttpRequest, to show
 * its progress (upload-behaviour.ts, an inline script under the page's nonce: no React in the
 * browser, so the page loads no bundle). All texts come from the server (props), so nothing
 * ships a catalogue.
 */
export type UploadFormTexts = {
  file: string;
  fileHint: string;
  title: string;
  titleHint: string;
  kind: string;
  date: string;
  submit: string;
  sending: string;
  progress: string;
  progressValue: string;
  required: string;
  tooLarge: string;
  network: string;
  /** After a refusal: the fields came back, the file could not (upload-typed.ts). */
  fileAgain: string;
};

const FORM_ID = "upload-form";
const ERROR_ID = "upload-error";

export function UploadForm({
  action,
  patientId,
  kinds,
  texts,
  error,
  errorField,
  maxBytes,
  today,
  nonce,
  typed,
}: {
  action: string;
  patientId?: string;
  kinds: { value: string; label: string }[];
  texts: UploadFormTexts;
  error?: string;
  /** The field the server's refusal is about: marked invalid, described by the refusal. */
  errorField?: UploadErrorField;
  maxBytes: number;
  today: string;
  nonce: string | null;
  /** The title, kind and date of the refused form, given back; its file cannot be. */
  typed?: { titre: string; type: string; date: string };
}) {
  const field = "rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900";
  // A refusal sent back without scripts: the notice has the focus (autofocus, as Alert's), and the
  // field it is about says it too. Both were missing: the focus stayed on the page, the file field
  // neither invalid nor described by « Ce type de fichier n'est pas accepté » (found in the browser).
  const about = (name: UploadErrorField, describedBy: string) =>
    error && errorField === name ? { "aria-invalid": true, "aria-describedby": `${describedBy} ${ERROR_ID}` } : { "aria-describedby": describedBy };
  return (
    <form id={FORM_ID} method="post" action={action} encType="multipart/form-data" className="flex max-w-xl flex-col gap-5">
      <div id={ERROR_ID} data-upload-alert tabIndex={-1} role="alert" hidden={!error} autoFocus={Boolean(error)} className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
        {error}
      </div>
      {patientId ? <input type="hidden" name="patient" value={patientId} /> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-title" className="font-semibold">
          {texts.title}
        </label>
        <p id="upload-title-hint" className="text-sm text-slate-700">
          {texts.titleHint}
        </p>
        <input id="upload-title" name="titre" type="text" maxLength={200} {...about("title", "upload-title-hint")} defaultValue={typed?.titre} className={field} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-kind" className="font-semibold">
          {texts.kind} <span className="text-sm font-normal text-slate-700">{texts.required}</span>
        </label>
        <select id="upload-kind" name="type" required defaultValue={kinds.some((kind) => kind.value === typed?.type) ? typed?.type : undefined} className={field}>
          {kinds.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-date" className="font-semibold">
          {texts.date} <span className="text-sm font-normal text-slate-700">{texts.required}</span>
        </label>
        <input id="upload-date" name="date" type="date" required {...(error && errorField === "date" ? { "aria-invalid": true, "aria-describedby": ERROR_ID } : {})} defaultValue={typed?.date || today} max={today} className={field} />
      </div>
      {/* The file after the fields typed: a browser sends the parts in this order, so a body refused
          unread (too large, the server busy) still holds them in its first bytes and they come back
          (receive-upload.ts); first, the file left nothing typed in them. */}
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-file" className="font-semibold">
          {texts.file} <span className="text-sm font-normal text-slate-700">{texts.required}</span>
        </label>
        <p id="upload-file-hint" className="text-sm text-slate-700">
          {texts.fileHint}
        </p>
        {typed ? (
          <p id="upload-file-again" className="font-semibold text-slate-900">
            {texts.fileAgain}
          </p>
        ) : null}
        <input
          id="upload-file"
          name="fichier"
          type="file"
          required
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          {...about("file", typed ? "upload-file-hint upload-file-again" : "upload-file-hint")}
          className={field}
        />
      </div>
      {/* Shown by the behaviour while a file is sent. */}
      <div data-upload-progress hidden className="flex flex-col gap-1">
        <label htmlFor="upload-progress" className="font-semibold">
          {texts.progress}
        </label>
        <progress id="upload-progress" max={100} value={0} className="h-3 w-full">
          0 %
        </progress>
      </div>
      <div>
        <button
          type="submit"
          className="inline-flex items-center justify-center gap-2 rounded-md border border-blue-800 bg-blue-800 px-4 py-2 text-base font-semibold text-white hover:bg-blue-900 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {texts.submit}
        </button>
      </div>
      <InlineScript nonce={nonce} run={installUploadForm} args={[FORM_ID, maxBytes, { sending: texts.sending, progressValue: texts.progressValue, tooLarge: texts.tooLarge, network: texts.network }]} />
    </form>
  );
}
