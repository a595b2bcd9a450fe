-- On a PostgreSQL server the app's pool now logs in AS espace_sante_app instead of logging in
-- as the owner and switching role (the owner could be taken back with RESET ROLE). The password
-- is set by the app at start-up (src/server/db/app-role.ts); here the role gets LOGIN and the
-- right to connect to this database even where CONNECT was revoked from PUBLIC.
-- The role is shared by every database of the server: alter it only when it is not yet so,
-- so that databases migrating side by side do not update its row at the same moment.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'espace_sante_app' AND NOT rolcanlogin) THEN
    ALTER ROLE espace_sante_app LOGIN;
  END IF;
EXCEPTION WHEN internal_error THEN
  NULL; -- "tuple concurrently updated": another database's migration gave it LOGIN just now
END $$;

DO $$
BEGIN
  EXECUTE pg_catalog.format('GRANT CONNECT ON DATABASE %I TO espace_sante_app', current_database());
END $$;
