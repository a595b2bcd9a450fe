import { describe, expect, it } from "vitest";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { newsCountLine } from "@/lib/notifications/news-count-line";

/** The line under a conversation's notice refreshed by its next messages (notify.ts, refreshUnread). */
describe("newsCountLine", () => {
  it.each<[NotificationKind, number, string | null]>([
    ["message-received", 1, null],
    ["message-received", 2, "2 nouveaux messages"],
    ["message-received", 3, "3 nouveaux messages"],
    ["message-received", 1200, "1\u202f200 nouveaux messages"],
    ["message-answered-for-caregiver", 4, "4 nouveaux messages"],
    ["message-received", 0, null],
    ["message-received", 2.5, null],
    // A kind never refreshed says nothing of a count, whatever its row holds.
    ["document-added", 3, null],
    ["new-sign-in", 2, null],
  ])("%s, %d → %s", (kind, count, line) => {
    expect(newsCountLine(kind, count)).toBe(line);
  });
});
