"use client";

import { useEffect, useSyncExternalStore } from "react";

/**
 * Copies the link's key from the URL's fragment into the form's body. The fragment never
 * leaves the browser by itself (no request line, no Referer); the key then travels only in
 * this POST body. It is also kept in this tab's sessionStorage, so coming back to the form
 * after a wrong passcode (a redirect without the fragment) still has it.
 */
const storageKey = (linkId: string) => `lien:${linkId}`;

function stored(linkId: string): string {
  try {
    return window.sessionStorage.getItem(storageKey(linkId)) ?? "";
  } catch {
    // Storage refused (private mode): the fragment alone is used.
    return "";
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** `missingKeyMessage` comes from the server page, so the browser does not download the catalogue. */
export function LinkKeyField({ linkId, missingKeyMessage }: { linkId: string; missingKeyMessage: string }) {
  // null on the server: the fragment is only known in the browser.
  const key = useSyncExternalStore(subscribe, () => window.location.hash.slice(1) || stored(linkId), () => null);
  useEffect(() => {
    const fromHash = window.location.hash.slice(1);
    try {
      if (fromHash) window.sessionStorage.setItem(storageKey(linkId), fromHash);
    } catch {
      // See stored().
    }
  }, [linkId, key]);
  return (
    <>
      <input type="hidden" name="cle" value={key ?? ""} />
      {key === "" ? (
        <p role="alert" className="font-semibold text-red-900">
          {missingKeyMessage}
        </p>
      ) : null}
    </>
  );
}
