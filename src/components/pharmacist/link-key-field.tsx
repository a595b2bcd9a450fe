import { InlineScript } from "@/components/inline-script";
import { installLinkKey } from "./link-key-behaviour";

/**
 * The link's key in the passcode form: an empty hidden field and an empty alert, filled in the
 * browser from the URL's fragment by an inline script (link-key-behaviour.ts), under the page's
 * nonce. Without scripts the form says it needs them (OpenLinkForm's noscript).
 */
export function LinkKeyField({ linkId, missingKeyMessage, nonce }: { linkId: string; missingKeyMessage: string; nonce: string | null }) {
  return (
    <>
      <input type="hidden" name="cle" value="" />
      <p id="cle-absente" role="alert" className="font-semibold text-red-900" />
      <InlineScript nonce={nonce} run={installLinkKey} args={[linkId, missingKeyMessage]} />
    </>
  );
}
