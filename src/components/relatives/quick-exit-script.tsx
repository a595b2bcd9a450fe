import { InlineScript } from "../inline-script";
import { installQuickExit } from "./quick-exit-behaviour";
import { NEUTRAL_SITE } from "./quick-exit-site";

/**
 * "Sortie rapide"'s click and Escape shortcut on a page that sends no runtime JavaScript (the
 * Pages Router's pages): an inline script, allowed by the page's CSP nonce.
 */
export function QuickExitScript({ nonce }: { nonce: string | undefined }) {
  return <InlineScript nonce={nonce} run={installQuickExit} args={[NEUTRAL_SITE]} />;
}
