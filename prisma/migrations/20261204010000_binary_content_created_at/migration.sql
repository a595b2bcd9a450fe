-- The purge looks for file bytes staged for a document that was never created (file-store.ts):
-- only among the files of the last days, by their creation time. Without this index it read the
-- whole table every 10 minutes and looked up every file's Binary, millions at the bench's scale.
CREATE INDEX "binary_content_created_at_idx" ON "binary_content" ("created_at");
