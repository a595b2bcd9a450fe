/**
 * What "Sortie rapide" does in the browser: leave for a neutral site, replacing the current
 * history entry so that "back" does not return here, on a click of the link or on Escape pressed
 * three times within two seconds.
 *
 * Started by the QuickExit client component on the App Router's pages, and, on the pages served
 * without any runtime JavaScript (the Pages Router's, src/pages), by an inline script made of
 * this very function's source (QuickExitScript): so it must use nothing of its module, only its
 * arguments and the browser's globals.
 */
export function installQuickExit(win: Window, neutralSite: string): () => void {
  let presses: number[] = [];
  const leave = () => win.location.replace(neutralSite);
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    const at = Date.now();
    presses = presses.filter((t) => at - t < 2000).concat(at);
    if (presses.length >= 3) leave();
  };
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    if (!target?.closest?.("a[data-quick-exit]")) return;
    event.preventDefault();
    leave();
  };
  win.addEventListener("keydown", onKey);
  win.document.addEventListener("click", onClick);
  return () => {
    win.removeEventListener("keydown", onKey);
    win.document.removeEventListener("click", onClick);
  };
}
