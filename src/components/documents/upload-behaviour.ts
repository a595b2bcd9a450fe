/**
 * What the upload form does in the browser (upload-form.tsx draws it): the same multipart POST
 * the form makes without scripts, sent through XMLHttpRequest, the only browser API that reports
 * upload progress, shown in the form's <progress> (announced by screen readers through its
 * label and value text). The route answers JSON to this request: where to go next, or the
 * refusal's words, written into the form's alert region, which takes the focus.
 *
 * Run by an inline script made of this function's source (InlineScript), without React: it must
 * use nothing of its module, only its arguments and the browser's globals.
 */
export type UploadBehaviourTexts = { sending: string; progressValue: string; tooLarge: string; network: string };

export function installUploadForm(win: Window, formId: string, maxBytes: number, texts: UploadBehaviourTexts): void {
  const doc = win.document;
  const form = doc.getElementById(formId) as HTMLFormElement | null;
  if (!form) return;
  const alert = form.querySelector<HTMLElement>("[data-upload-alert]");
  const progressArea = form.querySelector<HTMLElement>("[data-upload-progress]");
  const progress = progressArea?.querySelector("progress") ?? null;
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const idleLabel = button?.textContent ?? "";

  const show = (percent: number) => {
    if (!progress) return;
    progress.value = percent;
    progress.textContent = `${percent} %`;
    progress.setAttribute("aria-valuetext", texts.progressValue.replace("{percent}", String(percent)));
  };
  const busy = (sending: boolean) => {
    if (button) {
      button.disabled = sending;
      button.setAttribute("aria-disabled", String(sending));
      button.textContent = sending ? texts.sending : idleLabel;
    }
    if (progressArea) progressArea.hidden = !sending;
  };
  const fail = (message: string) => {
    busy(false);
    if (!alert) return;
    alert.textContent = message;
    alert.hidden = false;
    alert.focus();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = (form.elements.namedItem("fichier") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > maxBytes) return fail(texts.tooLarge);
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) show(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => fail(texts.network);
    request.onload = () => {
      const body = request.response as { location?: string; error?: string } | null;
      if (request.status < 300 && typeof body?.location === "string" && body.location.startsWith("/") && !body.location.startsWith("//")) {
        win.location.assign(body.location);
        return;
      }
      fail(typeof body?.error === "string" ? body.error : texts.network);
    };
    if (alert) alert.hidden = true;
    show(0);
    busy(true);
    request.send(new FormData(form));
  });
}
