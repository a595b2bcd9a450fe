-- A share link's state only moves forward (SECURITY-CASES 46): once revoked, fully dispensed
-- or past its end it never opens again, whatever code or SQL runs under the app's role.
-- dispensed_at records the moment its prescription was fully dispensed through a link, so a
-- line added or reopened afterwards cannot bring the link back to life.
ALTER TABLE "share_link" ADD COLUMN "dispensed_at" TIMESTAMPTZ(3);

CREATE FUNCTION share_link_forward_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id <> OLD.id OR NEW.secret_hash <> OLD.secret_hash OR NEW.patient_id <> OLD.patient_id
     OR NEW.prescription_id <> OLD.prescription_id OR NEW.passcode_hash IS DISTINCT FROM OLD.passcode_hash
     OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
    RAISE EXCEPTION 'share_link: what a link is never changes' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
    RAISE EXCEPTION 'share_link: a revoked link stays revoked' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.dispensed_at IS NOT NULL AND NEW.dispensed_at IS DISTINCT FROM OLD.dispensed_at THEN
    RAISE EXCEPTION 'share_link: a dispensed link stays dispensed' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.attempts_left > OLD.attempts_left THEN
    RAISE EXCEPTION 'share_link: spent passcode attempts are not given back' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.expires_at > OLD.expires_at THEN
    RAISE EXCEPTION 'share_link: a link is never extended' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER share_link_forward_only BEFORE UPDATE ON share_link
  FOR EACH ROW EXECUTE FUNCTION share_link_forward_only();
