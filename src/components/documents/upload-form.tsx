"use client";

import { useRef, useState, type FormEvent } from "react";

/**
 * The upload form. Without JavaScript it is a plain multipart POST to the upload route, which
 * answers with a redirect. With JavaScript the same request goes through XMLHttpRequest, the
 * only browser API that reports upload progress, shown in a <progress> element that screen
 * readers announce. All texts come from the server (props), so this file ships no catalogue.
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
};

export function UploadForm({
  action,
  patientId,
  kinds,
  texts,
  error,
  maxBytes,
  today,
}: {
  action: string;
  patientId?: string;
  kinds: { value: string; label: string }[];
  texts: UploadFormTexts;
  error?: string;
  maxBytes: number;
  today: string;
}) {
  const [sending, setSending] = useState(false);
  const [percent, setPercent] = useState(0);
  const [message, setMessage] = useState(error);
  const alertRef = useRef<HTMLDivElement>(null);

  const fail = (text: string) => {
    setSending(false);
    setMessage(text);
    requestAnimationFrame(() => alertRef.current?.focus());
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("fichier") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > maxBytes) return fail(texts.tooLarge);
    const request = new XMLHttpRequest();
    request.open("POST", action);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPercent(Math.round((progress.loaded / progress.total) * 100));
    };
    request.onerror = () => fail(texts.network);
    request.onload = () => {
      const body = request.response as { location?: string; error?: string } | null;
      if (request.status < 300 && body?.location?.startsWith("/")) {
        window.location.assign(body.location);
        return;
      }
      fail(body?.error ?? texts.network);
    };
    setMessage(undefined);
    setPercent(0);
    setSending(true);
    request.send(new FormData(form));
  }

  const field = "rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900";
  return (
    <form method="post" action={action} encType="multipart/form-data" onSubmit={onSubmit} className="flex max-w-xl flex-col gap-5">
      {message ? (
        <div ref={alertRef} tabIndex={-1} role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {message}
        </div>
      ) : null}
      {patientId ? <input type="hidden" name="patient" value={patientId} /> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-file" className="font-semibold">
          {texts.file} <span className="text-sm font-normal text-slate-700">{texts.required}</span>
        </label>
        <p id="upload-file-hint" className="text-sm text-slate-700">
          {texts.fileHint}
        </p>
        <input
          id="upload-file"
          name="fichier"
          type="file"
          required
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-describedby="upload-file-hint"
          className={field}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-title" className="font-semibold">
          {texts.title}
        </label>
        <p id="upload-title-hint" className="text-sm text-slate-700">
          {texts.titleHint}
        </p>
        <input id="upload-title" name="titre" type="text" maxLength={200} aria-describedby="upload-title-hint" className={field} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="upload-kind" className="font-semibold">
          {texts.kind} <span className="text-sm font-normal text-slate-700">{texts.required}</span>
        </label>
        <select id="upload-kind" name="type" required className={field}>
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
        <input id="upload-date" name="date" type="date" required defaultValue={today} max="2100-12-31" className={field} />
      </div>
      {sending ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="upload-progress" className="font-semibold">
            {texts.progress}
          </label>
          <progress id="upload-progress" max={100} value={percent} className="h-3 w-full" aria-valuetext={texts.progressValue.replace("{percent}", String(percent))}>
            {percent} %
          </progress>
        </div>
      ) : null}
      <div>
        <button
          type="submit"
          disabled={sending}
          aria-disabled={sending}
          className="inline-flex items-center justify-center gap-2 rounded-md border border-blue-800 bg-blue-800 px-4 py-2 text-base font-semibold text-white hover:bg-blue-900 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {sending ? texts.sending : texts.submit}
        </button>
      </div>
    </form>
  );
}
