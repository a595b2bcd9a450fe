-- A conversation's next message looks for its unread notice, to refresh it rather than add another
-- (src/server/notifications/notify.ts, refreshOrInsertSql). That lookup had only the owner's index
-- (notification_patient_idx, notification_account_idx), walked newest first through every notice
-- of the owner, read or not, until the conversation's: a professional's thousands of notices for a
-- conversation whose notice was old. The link names the conversation, so its unread notices are
-- few; kept to the unread ones, the index stays small as notices are read.
CREATE INDEX "notification_unread_link_idx" ON "notification"("link", "kind", "created_at" DESC) WHERE "read_at" IS NULL;
