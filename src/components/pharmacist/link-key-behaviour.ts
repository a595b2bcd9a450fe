/**
 * Copies the link's key from the URL's fragment into the passcode form's body. The fragment
 * never leaves the browser by itself (no request line, no Referer); the key then travels only in
 * the form's POST body. It is also kept in this tab's sessionStorage, so coming back to the form
 * after a wrong passcode (a redirect without the fragment) still has it. The pharmacy's name is
 * kept there too when the form is sent, and put back in its empty field: after a wrong code the
 * pharmacist on a phone retyped « Pharmacie du Centre, Lyon 3e » with the code (the redirect
 * carries nothing typed, by design of the route). Without a key, the form
 * says so (in its alert, announced when the words arrive). The form itself is served hidden and
 * shown here, so that a browser without scripts is not offered a form that cannot work.
 *
 * Run as an inline script (InlineScript) on the pharmacist's page, which sends no runtime
 * JavaScript: it must use nothing of its module, only its arguments and the browser's globals.
 */
export function installLinkKey(win: Window, linkId: string, missingKeyMessage: string): () => void {
  const storageKey = `lien:${linkId}`;
  const pharmacyKey = `${storageKey}:pharmacie`;
  const stored = (key: string) => {
    try {
      return win.sessionStorage.getItem(key) ?? "";
    } catch {
      // Storage refused (private mode): the fragment alone is used, the name typed again.
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
    const key = fromHash || stored(storageKey);
    const field = win.document.querySelector('input[name="cle"]');
    if (field instanceof HTMLInputElement) {
      field.value = key;
      // The form is served hidden (open-link-form.tsx): only a browser running this can send it.
      if (field.form) field.form.hidden = false;
    }
    const alert = win.document.getElementById("cle-absente");
    if (alert) alert.textContent = key ? "" : missingKeyMessage;
  };
  // The script runs inside the form, before the name's field is parsed: put the name back once it is.
  const restorePharmacy = () => {
    const pharmacy = win.document.querySelector('input[name="pharmacie"]');
    if (pharmacy instanceof HTMLInputElement && !pharmacy.value) pharmacy.value = stored(pharmacyKey);
  };
  const keepPharmacy = (event: Event) => {
    const pharmacy = event.target instanceof HTMLFormElement ? event.target.elements.namedItem("pharmacie") : null;
    try {
      if (pharmacy instanceof HTMLInputElement) win.sessionStorage.setItem(pharmacyKey, pharmacy.value);
    } catch {
      // See stored().
    }
  };
  apply();
  if (win.document.readyState === "loading") win.document.addEventListener("DOMContentLoaded", restorePharmacy);
  else restorePharmacy();
  win.addEventListener("hashchange", apply);
  win.document.addEventListener("submit", keepPharmacy);
  return () => {
    win.removeEventListener("hashchange", apply);
    win.document.removeEventListener("submit", keepPharmacy);
    win.document.removeEventListener("DOMContentLoaded", restorePharmacy);
  };
}
