import { createElement, type ComponentType } from "react";
import { LostSpaceView } from "@/components/relatives/lost-space-view";
import { SpaceBanner } from "@/components/relatives/space-banner";
import type { PageFrame } from "@/server/pages/page-scope";

/**
 * What the Pages Router's frame (src/pages/_app.tsx) shows inside the site's shell: whose space
 * it is, then the page, or in its place the notice that the session's space is no longer reached
 * (framed-page.ts). Apart from _app.tsx, whose font only Next's compiler loads, so that tests
 * render a page in the very frame a browser gets.
 */
export function FramedPageBody<P extends object>({ frame, page, props }: { frame: PageFrame | undefined; page: ComponentType<P>; props: P }) {
  return (
    <>
      {frame?.banner ? <SpaceBanner {...frame.banner} /> : null}
      {frame?.lostSpace ? <LostSpaceView {...frame.lostSpace} /> : createElement(page, props)}
    </>
  );
}
