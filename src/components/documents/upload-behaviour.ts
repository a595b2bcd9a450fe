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
  // The field a refusal is about is marked invalid and described by the alert, as the page the
  // server sends back without scripts marks it (upload-form.tsx); with the script, the file field
  // stayed unmarked under « Ce type de fichier n'est pas accepté » (found in the browser).
  const FIELD_IDS: Record<string, string> = { file: "upload-file", title: "upload-title", date: "upload-date" };
  const unmark = () => {
    for (const id of Object.values(FIELD_IDS)) {
      const input = doc.getElementById(id);
      if (!input || input.getAttribute("aria-invalid") !== "true") continue;
      input.removeAttribute("aria-invalid");
      const rest = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((token) => token && token !== alert?.id);
      if (rest.length > 0) input.setAttribute("aria-describedby", rest.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  };
  const fail = (message: string, field?: string) => {
    busy(false);
    if (!alert) return;
    unmark();
    const input = field && Object.hasOwn(FIELD_IDS, field) ? doc.getElementById(FIELD_IDS[field]!) : null;
    if (input && alert.id) {
      input.setAttribute("aria-invalid", "true");
      const described = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
      input.setAttribute("aria-describedby", [...described.filter((token) => token !== alert.id), alert.id].join(" "));
    }
    alert.textContent = message;
    alert.hidden = false;
    alert.focus();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = (form.elements.namedItem("fichier") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > maxBytes) return fail(texts.tooLarge, "file");
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) show(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => fail(texts.network);
    request.onload = () => {
      const body = request.response as { location?: string; error?: string; field?: string } | null;
      if (request.status < 300 && typeof body?.location === "string" && body.location.startsWith("/") && !body.location.startsWith("//")) {
        win.location.assign(body.location);
        return;
      }
      fail(typeof body?.error === "string" ? body.error : texts.network, typeof body?.error === "string" && typeof body.field === "string" ? body.field : undefined);
    };
    if (alert) alert.hidden = true;
    show(0);
    busy(true);
    request.send(new FormData(form));
  });
}
