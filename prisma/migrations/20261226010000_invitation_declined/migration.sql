-- When the invited mailbox's holder let go of an account opening begun from this invitation's link
-- by someone else (src/server/delegations/release-account-opening.ts): the invitation is declined
-- by its invitee. cancelled_at is set with it, so every guard that closes a cancelled invitation
-- closes a declined one; this column only tells the inviter, and the link's page, which it was.
ALTER TABLE delegation_invitation ADD COLUMN declined_at timestamptz(3);
