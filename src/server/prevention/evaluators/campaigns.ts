import type { Campaign, CampaignKind } from "../types";
import { frDay, type Context } from "./context";

/** The calendar's campaigns of one kind, earliest first. */
export function campaignsOf(ctx: Context, kind: CampaignKind): Campaign[] {
  return ctx.calendar.campaigns.filter((c) => c.vaccines.includes(kind)).sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * « la campagne contre le VRS 2025-2026 (du 1er septembre 2025 au 20 février 2026) », saying when
 * its dates are only foreseen, as seasonal.ts does for flu and COVID-19.
 */
export function campaignText(campaign: Campaign): string {
  const period = `du ${frDay(campaign.start)} au ${frDay(campaign.end)}${campaign.provisional ? ", dates prévisionnelles à confirmer" : ""}`;
  return `la campagne ${campaign.name ?? campaign.id} (${period})`;
}
