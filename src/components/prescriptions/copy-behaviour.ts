/**
 * What a « Copier le lien » button does in the browser: copies its field's value to the
 * clipboard and says so in its status line (announced to screen readers); when the clipboard
 * refuses, selects the field for the person to copy and says that. The button names its field
 * and status by id, and carries its two messages (data-copy-*), so the words stay the server's.
 *
 * Run by an inline script made of this function's source (InlineScript, drawn by CopyLinkButton)
 * in both routers: it must use nothing of its module, only its arguments and the browser's globals.
 */
export function installCopyButtons(win: Window): () => void {
  const onClick = async (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest?.("button[data-copy-input]");
    if (!button) return;
    const input = win.document.getElementById(button.getAttribute("data-copy-input") ?? "");
    const status = win.document.getElementById(button.getAttribute("data-copy-status") ?? "");
    if (!(input instanceof HTMLInputElement) || !status) return;
    try {
      await win.navigator.clipboard.writeText(input.value);
      status.textContent = button.getAttribute("data-copy-done") ?? "";
    } catch {
      input.select();
      status.textContent = button.getAttribute("data-copy-failed") ?? "";
    }
  };
  win.document.addEventListener("click", onClick);
  return () => win.document.removeEventListener("click", onClick);
}
