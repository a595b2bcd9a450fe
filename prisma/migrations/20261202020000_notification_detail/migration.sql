-- A notice's own facts, in fixed words of ours (issue 15): a new sign-in says which browser and
-- system ("Firefox, Windows"), derived from a closed list, never from the record nor a name.
ALTER TABLE "notification" ADD COLUMN "detail" TEXT;
