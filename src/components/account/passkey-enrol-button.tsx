"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";

/**
 * Creates a passkey on this device: asks the server for options, lets the browser's WebAuthn
 * dialog run, sends the answer back. Shown only where JavaScript runs and WebAuthn exists; the
 * TOTP form beside it is the path without scripts. Elsewhere (and in the server's HTML, before
 * scripts run) it says so in words, so that a person without JavaScript knows why there is no
 * button rather than finding an empty section.
 */
const subscribe = () => () => undefined;
const hasWebauthn = () => typeof window !== "undefined" && "PublicKeyCredential" in window;

export function PasskeyEnrolButton({ optionsUrl, verifyUrl, next, label, failed, unsupported }: { optionsUrl: string; verifyUrl: string; next: string; label: string; failed: string; unsupported: string }) {
  const supported = useSyncExternalStore(subscribe, hasWebauthn, () => false);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!supported) return <p data-testid="passkey-needs-script">{unsupported}</p>;
  async function enrol() {
    setBusy(true);
    setError(false);
    try {
      const options = await fetch(optionsUrl, { method: "POST" });
      if (!options.ok) throw new Error("options");
      const response = await startRegistration({ optionsJSON: await options.json() });
      const verified = await fetch(verifyUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(response) });
      if (!verified.ok) throw new Error("verify");
      window.location.assign(next);
    } catch {
      setError(true);
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{failed}</Alert> : null}
      <div>
        <Button variant="secondary" onClick={enrol} disabled={busy}>
          {label}
        </Button>
      </div>
    </div>
  );
}
