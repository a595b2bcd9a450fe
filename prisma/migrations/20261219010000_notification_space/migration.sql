-- The space an account's own notice leads into, when it is about another person's space: a
-- caregiver's « Un professionnel de santé a répondu à un message que vous avez écrit pour un
-- proche » is hers (account_id), not a notice of the person's space (patient_id null, so the
-- person and whoever else acts there do not see it), yet opening it must take her into that
-- space, where the conversation is. Opening it switches there only if she still acts there
-- (src/server/notifications/mark-read.ts asks switchSpace, which checks the right again).
ALTER TABLE "notification" ADD COLUMN "space_id" UUID;
