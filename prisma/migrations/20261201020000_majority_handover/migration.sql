-- Majority handover (issue 13): one row per young person for whom the handover ran (an
-- activation to take over their space, their guardians told), written in the transaction of
-- its notifications, so the periodic tick (src/server/children/run-majority-tick.ts) does it
-- once whatever the number of runs. The primary key is the guard.
CREATE TABLE "majority_handover" (
  "patient_id" UUID NOT NULL,
  -- The Paris day of the 18th birthday the handover prepared.
  "majority_day" DATE NOT NULL,
  -- How the young person got their activation: 'email' (a code sent to the address of their
  -- Patient record), 'letter' (no address: the guardians are told to ask for a letter),
  -- 'existing' (they already have an account).
  "activation" TEXT NOT NULL,
  "done_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "majority_handover_pkey" PRIMARY KEY ("patient_id"),
  CONSTRAINT "majority_handover_activation_check" CHECK ("activation" IN ('email', 'letter', 'existing'))
);

-- The app reads and adds rows; nobody rewrites one (a handover happened, or did not).
GRANT SELECT, INSERT ON majority_handover TO espace_sante_app;
