import { installQuickExit } from "./quick-exit-behaviour";
import { NEUTRAL_SITE } from "./quick-exit-site";

/** The behaviour's own source, run once: no bundle, a few hundred bytes. */
const SOURCE = `(${installQuickExit.toString()})(window, ${JSON.stringify(NEUTRAL_SITE)});`;

/**
 * "Sortie rapide"'s click and Escape shortcut on a page that sends no runtime JavaScript (the
 * Pages Router's pages): an inline script, allowed by the page's CSP nonce.
 */
export function QuickExitScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SOURCE }} />;
}
