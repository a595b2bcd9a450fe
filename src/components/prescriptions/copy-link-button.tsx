"use client";

import { useState } from "react";
import { Button } from "@/components/button";

/**
 * Copies the link to the clipboard, a comfort over selecting the field (which works without
 * JavaScript). The result is announced to screen readers. Its words come from the server page,
 * so the browser does not download the message catalogue.
 */
export type CopyLinkLabels = { copy: string; copied: string; copyFailed: string };

export function CopyLinkButton({ inputId, labels }: { inputId: string; labels: CopyLinkLabels }) {
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  async function copy() {
    const input = document.getElementById(inputId);
    if (!(input instanceof HTMLInputElement)) return;
    try {
      await navigator.clipboard.writeText(input.value);
      setState("done");
    } catch {
      input.select();
      setState("failed");
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" onClick={copy}>
        {labels.copy}
      </Button>
      <p role="status" className="text-sm text-slate-700">
        {state === "done" ? labels.copied : state === "failed" ? labels.copyFailed : ""}
      </p>
    </div>
  );
}
