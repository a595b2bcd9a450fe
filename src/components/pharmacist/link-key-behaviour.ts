/**
 * Copies the link's key from the URL's fragment into the passcode form's body. The fragment
 * never leaves the browser by itself (no request line, no Referer); the key then travels only in
 * the form's POST body. It is also kept in this tab's sessionStorage, so coming back to the form
 * after a wrong passcode (a redirect without the fragment) still has it. Without a key, the form
 * says so (in its alert, announced when the words arrive). The form itself is served hidden and
 * shown here, so that a browser without scripts is not offered a form that cannot work.
 *
 * Run as an inline script (InlineScript) on the pharmacist's page, which sends no runtime
 * JavaScript: it must use nothing of its module, only its arguments and the browser's globals.
 */
export function installLinkKey(win: Window, linkId: string, missingKeyMessage: string): () => void {
  const storageKey = `lien:${linkId}`;
  const stored = () => {
    try {
      return win.sessionStorage.getItem(storageKey) ?? "";
    } catch {
      // Storage refused (private mode): the fragment alone is used.
      return "";
    }
  };
  const apply = () => {
    const fromHash = win.location.hash.slice(1);
    try {
      if (fromHash) win.sessionStorage.setItem(storageKey, fromHash);
    } catch {
      // See stored().
    }
    const key = fromHash || stored();
    const field = win.document.querySelector('input[name="cle"]');
    if (field instanceof HTMLInputElement) {
      field.value = key;
      // The form is served hidden (open-link-form.tsx): only a browser running this can send it.
      if (field.form) field.form.hidden = false;
    }
    const alert = win.document.getElementById("cle-absente");
    if (alert) alert.textContent = key ? "" : missingKeyMessage;
  };
  apply();
  win.addEventListener("hashchange", apply);
  return () => win.removeEventListener("hashchange", apply);
}
