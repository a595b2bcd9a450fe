-- The account an invitation's link opened (or took up again) for its invitee, not activated yet
-- (src/server/delegations/open-caregiver-account.ts). While that invitation is open, no other
-- invitation to the same address takes the account up: each invitation stands on its own, and the
-- second inviter, who holds her own link, could otherwise rename the account, choose the birth date
-- it is activated with and void the code its invitee received (found by the rules review).
ALTER TABLE delegation_invitation ADD COLUMN opened_account_id uuid;
CREATE INDEX delegation_invitation_opened_account_idx ON delegation_invitation (opened_account_id);
