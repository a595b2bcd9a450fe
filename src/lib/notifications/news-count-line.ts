import { tn } from "@/lib/i18n/messages";
import type { NotificationKind } from "./kinds";

/** The kinds whose unread notice the next pieces of the same news refresh (create-message.ts). */
const COUNTED: Partial<Record<NotificationKind, "notifications.newMessages">> = {
  "message-received": "notifications.newMessages",
  "message-answered-for-caregiver": "notifications.newMessages",
};

/**
 * The line under a notice that stands for several pieces of news: « 3 nouveaux messages ». A
 * count, never what the messages say nor who wrote them, as every notice (kinds.ts). Nothing for
 * one piece of news (the notice's sentence says it), nor for a kind that is never refreshed.
 */
export function newsCountLine(kind: NotificationKind, newsCount: number): string | null {
  const key = COUNTED[kind];
  return key && Number.isInteger(newsCount) && newsCount > 1 ? tn(key, newsCount) : null;
}
