-- How many pieces of news one notice stands for: a conversation's unread notice is refreshed by
-- its next messages (src/server/notifications/notify.ts, `refreshUnread`) rather than joined by
-- one notice per message, and says « 3 nouveaux messages ». 1 for every other notice.
ALTER TABLE "notification" ADD COLUMN "news_count" INTEGER NOT NULL DEFAULT 1;
