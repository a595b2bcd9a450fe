"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { t } from "@/lib/i18n/messages";

/**
 * Copies the link to the clipboard, a comfort over selecting the field (which works without
 * JavaScript). The result is announced to screen readers.
 */
export function CopyLinkButton({ inputId }: { inputId: string }) {
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
        {t("share.copy")}
      </Button>
      <p role="status" className="text-sm text-slate-700">
        {state === "done" ? t("share.copied") : state === "failed" ? t("share.copyFailed") : ""}
      </p>
    </div>
  );
}
