import "@/server/server-only";
import { viewerLabel } from "@/components/sharing/viewer-label";
import type { RequestScope } from "../documents/request-scope";
import { orUndefined } from "../pages/or-undefined";
import { previewAs, type Preview } from "./preview-as";
import { parseViewer } from "./preview-viewer";
import { sharingOverview } from "./sharing-overview";

/** « Voir comme… »: who the preview is shown as, in words, and what that viewer gets. */
export type PreviewPageData = { viewer: string; preview: Preview };

/**
 * The record as the chosen viewer (`vue`, as the sharing page's form sends it) gets it, computed
 * inside this request (preview-as.ts): no session, cookie or token exists for the viewer at any
 * point. An unknown viewer, or someone who may not manage this space's sharing (a caregiver
 * without the right): undefined, the page's « not found », as the API answers.
 */
export async function previewPageData({ repo, ctx }: RequestScope, vue: string | undefined): Promise<PreviewPageData | undefined> {
  const choice = parseViewer(vue);
  if (!choice) return undefined;
  const overview = await orUndefined(sharingOverview(repo));
  if (!overview) return undefined;
  const preview = await orUndefined(previewAs(repo, choice, ctx));
  if (!preview) return undefined;
  return { viewer: await viewerLabel(repo, overview, choice), preview };
}
