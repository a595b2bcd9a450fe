"use client";

import { useEffect } from "react";
import { Button } from "@/components/button";
import { installCopyButtons } from "./copy-behaviour";

/**
 * Copies the link to the clipboard, a comfort over selecting the field (which works without
 * JavaScript). The result is announced to screen readers. Its words come from the server page,
 * so the browser does not download the message catalogue. The behaviour is copy-behaviour.ts:
 * started here on the App Router's pages; on a page without runtime JavaScript, the page adds
 * it as an inline script (this component's effect does not run there). One such button per page.
 */
export type CopyLinkLabels = { copy: string; copied: string; copyFailed: string };

export function CopyLinkButton({ inputId, labels }: { inputId: string; labels: CopyLinkLabels }) {
  useEffect(() => installCopyButtons(window), []);
  const statusId = `${inputId}-copie`;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" data-copy-input={inputId} data-copy-status={statusId} data-copy-done={labels.copied} data-copy-failed={labels.copyFailed}>
        {labels.copy}
      </Button>
      <p id={statusId} role="status" className="text-sm text-slate-700" />
    </div>
  );
}
