"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";

/** Signs in with a passkey alone (it is already two factors). Only where WebAuthn exists. */
const subscribe = () => () => undefined;
const hasWebauthn = () => typeof window !== "undefined" && "PublicKeyCredential" in window;

export function PasskeySignInButton({ label, failed }: { label: string; failed: string }) {
  const supported = useSyncExternalStore(subscribe, hasWebauthn, () => false);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!supported) return null;
  async function signIn() {
    setBusy(true);
    setError(false);
    try {
      const options = await fetch("/connexion/cle/options", { method: "POST" });
      if (!options.ok) throw new Error("options");
      const response = await startAuthentication({ optionsJSON: await options.json() });
      const verified = await fetch("/connexion/cle/verifier", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(response) });
      if (!verified.ok) throw new Error("verify");
      // A full page load: the session cookie has just changed, every server component must see it.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/connexion/suite");
    } catch {
      setError(true);
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{failed}</Alert> : null}
      <div>
        <Button variant="secondary" onClick={signIn} disabled={busy}>
          {label}
        </Button>
      </div>
    </div>
  );
}
