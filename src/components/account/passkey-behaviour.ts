/**
 * What the passkey buttons do in the browser (passkey-button.tsx draws them): where WebAuthn
 * exists, show the button and hide the words that say a passkey needs it; on a click, ask the
 * server for options (with the code typed in the field the button names, if it names one), let
 * the browser's dialog run through SimpleWebAuthn's library (loaded by the <script> whose id is
 * given), send its answer back, then load the next page whole (the
 * session cookie may just have changed). A failure is written into the button's alert region,
 * which screen readers announce, and the button can be used again.
 *
 * Run by an inline script made of this function's source (InlineScript), so it works from the
 * moment the button is drawn, without React: it must use nothing of its module, only its
 * arguments and the browser's globals.
 */
type WebauthnLibrary = {
  startRegistration(input: { optionsJSON: unknown }): Promise<unknown>;
  startAuthentication(input: { optionsJSON: unknown }): Promise<unknown>;
};

export function installPasskeyButtons(win: Window, libraryScriptId: string): () => void {
  const doc = win.document;
  if (!("PublicKeyCredential" in win)) return () => undefined;
  for (const element of doc.querySelectorAll<HTMLElement>("[data-passkey-when]")) {
    element.hidden = element.getAttribute("data-passkey-when") !== "supported";
  }

  const library = () =>
    new Promise<WebauthnLibrary>((resolve, reject) => {
      const loaded = (win as Window & { SimpleWebAuthnBrowser?: WebauthnLibrary }).SimpleWebAuthnBrowser;
      if (loaded) return resolve(loaded);
      const script = doc.getElementById(libraryScriptId);
      if (!script) return reject(new Error("library"));
      // A file that failed before this listener was there would leave the button waiting forever.
      win.setTimeout(() => reject(new Error("library")), 15000);
      script.addEventListener("load", () => {
        const now = (win as Window & { SimpleWebAuthnBrowser?: WebauthnLibrary }).SimpleWebAuthnBrowser;
        if (now) resolve(now);
        else reject(new Error("library"));
      });
      script.addEventListener("error", () => reject(new Error("library")));
    });

  const onClick = async (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest?.("button[data-passkey]");
    if (!(button instanceof HTMLButtonElement) || button.disabled) return;
    const alertId = button.getAttribute("data-passkey-alert") ?? "";
    const alert = doc.getElementById(alertId);
    // « Mon compte » asks the current factor with the button: its field goes with the options request.
    const codeField = doc.getElementById(button.getAttribute("data-passkey-code") ?? "");
    const code = codeField instanceof HTMLInputElement ? codeField : undefined;
    button.disabled = true;
    if (alert) {
      alert.hidden = true;
      alert.textContent = "";
    }
    const describeCode = (ids: string) => (ids ? code?.setAttribute("aria-describedby", ids) : code?.removeAttribute("aria-describedby"));
    if (code) {
      code.removeAttribute("aria-invalid");
      describeCode((code.getAttribute("aria-describedby") ?? "").replace(alertId, "").trim());
    }
    let refusal: string | null = null;
    try {
      const lib = await library();
      const options = await win.fetch(
        button.getAttribute("data-passkey-options") ?? "",
        code ? { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ code: code.value }).toString() } : { method: "POST" },
      );
      if (code && options.status === 403) {
        const answer = (await options.json().catch(() => ({}))) as { error?: unknown };
        refusal = button.getAttribute(answer.error === "factor-missing" ? "data-passkey-factor-missing" : "data-passkey-factor-refused");
      }
      if (!options.ok) throw new Error("options");
      const optionsJSON: unknown = await options.json();
      const answer = button.getAttribute("data-passkey") === "register" ? await lib.startRegistration({ optionsJSON }) : await lib.startAuthentication({ optionsJSON });
      const verified = await win.fetch(button.getAttribute("data-passkey-verify") ?? "", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(answer),
      });
      // Her own key, for a space she closed (the sign-in's button): said as the password step says it.
      if (verified.status === 403) {
        const refused = (await verified.json().catch(() => ({}))) as { error?: unknown };
        if (refused.error === "space-closed") refusal = button.getAttribute("data-passkey-closed");
      }
      if (!verified.ok) throw new Error("verify");
      win.location.assign(button.getAttribute("data-passkey-next") ?? "/");
    } catch {
      if (alert) {
        alert.textContent = refusal ?? button.getAttribute("data-passkey-failed") ?? "";
        alert.hidden = false;
      }
      // The code was refused (or missing): its field is marked and reads the refusal with it.
      if (code && refusal) {
        code.setAttribute("aria-invalid", "true");
        describeCode(`${code.getAttribute("aria-describedby") ?? ""} ${alertId}`.trim());
        code.focus();
      }
      button.disabled = false;
    }
  };
  // The code's field is in no form (the button posts it by script): Enter typed there, as one
  // does after a code, did nothing. It presses the button that names the field.
  const onKeyDown = (event: KeyboardEvent) => {
    const field = event.target;
    if (event.key !== "Enter" || !(field instanceof HTMLInputElement) || !field.id) return;
    const button = Array.from(doc.querySelectorAll("button[data-passkey-code]")).find((candidate) => candidate.getAttribute("data-passkey-code") === field.id);
    if (!(button instanceof HTMLButtonElement)) return;
    event.preventDefault();
    button.click();
  };
  doc.addEventListener("click", onClick);
  doc.addEventListener("keydown", onKeyDown);
  return () => {
    doc.removeEventListener("click", onClick);
    doc.removeEventListener("keydown", onKeyDown);
  };
}
