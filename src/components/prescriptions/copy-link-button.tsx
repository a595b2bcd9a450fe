import { Button } from "@/components/button";
import { InlineScript } from "@/components/inline-script";
import { installCopyButtons } from "./copy-behaviour";

/**
 * Copies the link to the clipboard, a comfort over selecting the field (which works without
 * JavaScript). The result is announced to screen readers. Its words come from the server page,
 * so the browser does not download the message catalogue. The behaviour (copy-behaviour.ts)
 * comes as an inline script under the page's nonce, in both routers: it works from the moment
 * the button is drawn, where an effect waited for React to hydrate the page (a click before
 * that was lost). One such button per page.
 */
export type CopyLinkLabels = { copy: string; copied: string; copyFailed: string };

export function CopyLinkButton({ inputId, labels, nonce }: { inputId: string; labels: CopyLinkLabels; nonce: string | null }) {
  const statusId = `${inputId}-copie`;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" data-copy-input={inputId} data-copy-status={statusId} data-copy-done={labels.copied} data-copy-failed={labels.copyFailed}>
        {labels.copy}
      </Button>
      <p id={statusId} role="status" className="text-sm text-slate-700" />
      <InlineScript nonce={nonce} run={installCopyButtons} args={[]} />
    </div>
  );
}
