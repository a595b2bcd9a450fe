import type { ReactNode } from "react";
import { Button } from "@/components/button";
import { InlineScript } from "@/components/inline-script";
import { installPasskeyButtons } from "./passkey-behaviour";

/**
 * A passkey button: creating one (activation, « Mon compte ») or signing in with one. WebAuthn
 * needs scripts, so the button is drawn hidden and shown by its behaviour (passkey-behaviour.ts)
 * where the browser has WebAuthn; until then, and without scripts, the words of `unsupported`
 * say why there is no button (none at sign-in, where the password form is the way). The
 * behaviour comes as an inline script under the page's nonce with SimpleWebAuthn's browser file,
 * whose address (`library`, by its hash) the page's loader gives (src/server/webauthn/
 * browser-library.ts; this component is also in the browser's build of a Pages Router page, so it
 * imports nothing of the server): no React in the browser, so the pages that carry it can load no
 * bundle. One such button per page.
 */
export type PasskeyButtonProps = {
  mode: "register" | "authenticate";
  optionsUrl: string;
  verifyUrl: string;
  next: string;
  label: string;
  failed: string;
  unsupported?: string;
  nonce: string | null;
  library: string;
  /**
   * A code asked with the button (« Mon compte »: the current factor, before a new passkey): the
   * field's id, sent as `code` with the options request, and the words for a refusal of it.
   */
  factor?: { fieldId: string; missing: string; refused: string };
  /** At sign-in: the words for a key whose space its holder closed (the verify answer's `space-closed`). */
  closed?: string;
  /** Drawn above the button, shown only where it can be used (the factor's field). */
  children?: ReactNode;
};

const LIBRARY_SCRIPT_ID = "simplewebauthn";
const ALERT_ID = "passkey-alert";

export function PasskeyButton({ mode, optionsUrl, verifyUrl, next, label, failed, unsupported, nonce, library, factor, closed, children }: PasskeyButtonProps) {
  return (
    <div className="flex flex-col gap-3">
      <div id={ALERT_ID} role="alert" hidden className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900" />
      {unsupported ? (
        <p data-passkey-when="unsupported" data-testid="passkey-needs-script">
          {unsupported}
        </p>
      ) : null}
      <div data-passkey-when="supported" hidden>
        <div className="flex flex-col gap-3">
          {children}
          <div>
            <Button
              variant="secondary"
              data-passkey={mode}
              data-passkey-options={optionsUrl}
              data-passkey-verify={verifyUrl}
              data-passkey-next={next}
              data-passkey-failed={failed}
              data-passkey-closed={closed}
              data-passkey-alert={ALERT_ID}
              data-passkey-code={factor?.fieldId}
              data-passkey-factor-missing={factor?.missing}
              data-passkey-factor-refused={factor?.refused}
            >
              {label}
            </Button>
          </div>
        </div>
      </div>
      <script id={LIBRARY_SCRIPT_ID} src={library} nonce={nonce ?? undefined} defer />
      <InlineScript nonce={nonce} run={installPasskeyButtons} args={[LIBRARY_SCRIPT_ID]} />
    </div>
  );
}
